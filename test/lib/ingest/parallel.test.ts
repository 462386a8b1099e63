import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadConfig } from '../../../src/lib/config';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import type { Responses } from '../../../src/lib/ingest/types';
import { Helper } from '../../../src/lib/parallel/helper';
import type { PendingRows } from '../../../src/lib/ingest/finish';
import { themesInput } from '../../../src/lib/model/themes';
import type { CsatError } from '../../../src/lib/errors';
import { BASE_HEADER, BASE_YAML, encodeGbk, removeTemp, surveyIn, tempDir } from './_helpers';

/**
 * Reading the last files on a helper thread and merging (ingest/part.ts) must give what one
 * pass gives: the same table, periods, accounting, rejected rows (reasons, messages, order),
 * ids and customers. The oracle is ingestResponses without a helper.
 */
const helper = Helper.start({});
const dirs: string[] = [];
afterAll(() => {
  helper?.close();
  dirs.forEach(removeTemp);
});

/** Everything a Responses holds, as plain data. */
function plain(r: Responses) {
  const table = Object.fromEntries(r.table.columnNames().map((c) => [c, Array.from(r.table.array(c) as ArrayLike<unknown>)]));
  return { table, periods: r.periods, accounting: r.accounting, rejected: r.rejected, ids: r.ids, customers: r.customers };
}

function both(files: Record<string, string>) {
  const dir = tempDir('csat-parallel-');
  dirs.push(dir);
  const config = surveyIn(dir, BASE_YAML, files);
  const one = plain(ingestResponses(config));
  const two = plain(ingestResponses(config, { helper, parallelFrom: 0, helperFiles: 3 }));
  return { one, two };
}

const row = (id: string, date: string, plan: string, q1 = '满意', extra = '') => `${id},C${id},${date},${plan},${q1},一般,9,${extra}`;

/** A helper of its own for a test: one helper takes at most 64 jobs. */
function withHelper<T>(run: (h: Helper) => T): T {
  const h = Helper.start({})!;
  try {
    return run(h);
  } finally {
    h.close();
  }
}

describe('ingest with a helper thread', () => {
  it('starts in tests (tsx is installed)', () => {
    expect(helper).toBeDefined();
  });

  it('equals one pass when ids repeat across the files each thread reads', () => {
    const { one, two } = both({
      'a.csv': [BASE_HEADER, row('R1', '2026-01-05 09:00', 'x'), row('R2', '2026-01-06 09:00', 'y'), row('R3', '2027-13-01 09:00', 'x')].join('\n'),
      'b.csv': [BASE_HEADER, row('R4', '2026-02-01 10:00', 'x', '好极了'), row('R5', '2026-02-01 10:00', 'z')].join('\r\n'),
      // Read by the helper: R1 used before, R3 first seen in a rejected row, R4 rejected for a label,
      // R6 twice within the part, R1 with a bad label (the duplicate wins), a new segment value and period.
      'c.csv': [BASE_HEADER, row('R1', '2026-04-01 08:00', 'x'), row('R3', '2026-04-02 08:00', 'x'), row('R4', '2026-04-03 08:00', 'w'), row('R6', '2026-04-03 08:00', 'new', '满意', '"好,用"'), row('R6', '2026-04-04 08:00', 'x'), row(' R1', '2026-04-05 08:00', 'x', '坏')].join('\n'),
      'd.csv': `${BASE_HEADER}\n`,
      'e.csv': [BASE_HEADER, row('R7', '2026-07-01 08:00', 'x'), row('R2', '2026-07-02 08:00', 'x')].join('\n'),
    });
    expect(two).toEqual(one);
    expect(one.rejected.map((r) => r.reason)).toEqual(['unparseable date', 'unknown label', 'duplicate id', 'duplicate id', 'duplicate id', 'duplicate id', 'duplicate id', 'duplicate id']);
    expect(one.rejected.find((r) => r.file.endsWith('e.csv'))?.expected).toMatch(/first used at a\.csv:3$/);
  });

  it("hands over the rows before the helper's are copied (onRows): the themes read what the finished responses hold", () => {
    const dir = tempDir('csat-parallel-');
    dirs.push(dir);
    const c = (id: string, date: string, comment: string) => row(id, date, 'x', '满意', comment);
    const config = surveyIn(dir, BASE_YAML, {
      'a.csv': [BASE_HEADER, c('R1', '2026-01-05 09:00', '响应慢'), c('R2', '2026-01-06 09:00', ''), c('R3', '2026-02-06 09:00', '价格 太贵')].join('\n'),
      // Read by the helper: R1 and R3 repeat ids of a.csv (dropped when replayed), the rest stay.
      'b.csv': [BASE_HEADER, c('R1', '2026-04-01 08:00', '重复的'), c('R4', '2026-04-02 08:00', '\u3000很好\u3000'), c('R3', '2026-04-03 08:00', '又重复'), c('R5', '2025-12-31 08:00', '"说""好"""')].join('\n'),
      'c.csv': [BASE_HEADER, c('R6', '2026-07-01 08:00', '卡顿'), c('R7', '2026-07-02 08:00', '')].join('\n'),
    });
    const single = ingestResponses(config);
    withHelper((h) => {
      let early: PendingRows | undefined;
      const handed: number[] = [];
      const r = ingestResponses(config, { helper: h, parallelFrom: 0, helperFiles: 2, onRows: (rows) => handed.push((early = rows).rows) });
      expect(plain(r)).toEqual(plain(single));
      expect(single.rejected.filter((x) => x.reason === 'duplicate id')).toHaveLength(2);
      // Handed over first on the assumption that the helper's rows all stay, then again without the two it repeated.
      expect(handed).toEqual([single.table.numRows() + 2, single.table.numRows()]);
      expect(early!.rows).toBe(single.table.numRows());
      expect(early!.periods).toEqual(single.periods);
      expect(Array.from(early!.codes.period)).toEqual(Array.from(single.codes!.period));
      early!.codes.levels.forEach((l, q) => expect(Array.from(l)).toEqual(Array.from(single.codes!.levels[q])));
      expect(Array.from({ length: early!.rows }, (_, i) => early!.comments[0].get(i))).toEqual(single.table.array('comment'));
      for (const cap of [1, 2, 500]) {
        const fromEarly = themesInput(early!, early!.periods, config, cap, early!.codes);
        const fromTable = themesInput(single.table, single.periods, config, cap);
        expect(fromEarly.comments).toEqual(fromTable.comments);
        expect(fromEarly.counts).toEqual(fromTable.counts);
      }
    });
  });

  it('hands the rows over once, before the replay, when no id of the helper repeats one read before', () => {
    const dir = tempDir('csat-parallel-');
    dirs.push(dir);
    const c = (id: string, date: string, comment: string) => row(id, date, 'x', '满意', comment);
    const config = surveyIn(dir, BASE_YAML, {
      'a.csv': [BASE_HEADER, c('R1', '2026-01-05 09:00', '响应慢'), c('R2', '2026-01-06 09:00', '')].join('\n'),
      'b.csv': [BASE_HEADER, c('R3', '2026-04-01 08:00', '太贵'), c('R3', '2026-04-02 08:00', '重复在同一部分'), c('R4', '2025-12-31 08:00', '很好')].join('\n'),
      'c.csv': [BASE_HEADER, c('R5', '2026-07-01 08:00', '卡顿')].join('\n'),
    });
    const single = ingestResponses(config);
    withHelper((h) => {
      const handed: PendingRows[] = [];
      ingestResponses(config, { helper: h, parallelFrom: 0, helperFiles: 2, onRows: (rows) => handed.push(rows) });
      expect(handed).toHaveLength(1);
      const [early] = handed;
      expect(early.rows).toBe(single.table.numRows());
      expect(early.periods).toEqual(single.periods);
      expect(Array.from(early.codes.period)).toEqual(Array.from(single.codes!.period));
      expect(Array.from({ length: early.rows }, (_, i) => early.comments[0].get(i))).toEqual(single.table.array('comment'));
    });
  });

  it('stops at the error of the earliest file, whichever thread read it', () => {
    const dir = tempDir('csat-parallel-');
    dirs.push(dir);
    const ok = [BASE_HEADER, row('R1', '2026-01-05 09:00', 'x')].join('\n');
    const config = surveyIn(dir, BASE_YAML, { 'a.csv': ok, 'b.csv': ok.replace('R1', 'R2'), 'c.csv': `${BASE_HEADER}\nR3,C,2026-01-05 09:00,"x,满意`, 'd.csv': '' });
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const one = message(() => ingestResponses(config));
    expect(one).toMatch(/unclosed quote/);
    expect(message(() => ingestResponses(config, { helper, parallelFrom: 0, helperFiles: 2 }))).toBe(one);
    expect(message(() => ingestResponses(config, { helper, parallelFrom: 0, helperFiles: 1 }))).toBe(one);
  });

  it('equals one pass on the sample survey (8 files, planted defects)', () => {
    const config = loadConfig(path.resolve('data/survey.yaml'));
    expect(plain(ingestResponses(config, { helper, parallelFrom: 0, helperFiles: 4 }))).toEqual(plain(ingestResponses(config)));
    // Files claimed as the threads get to them: the same again.
    expect(plain(ingestResponses(config, { helper, parallelFrom: 0 }))).toEqual(plain(ingestResponses(config)));
  });

  it('property: equals one pass for random files of repeated and blank ids, dates and labels', () => {
    const cell = fc.record({
      id: fc.constantFrom('R1', 'R2', 'R3', 'R4', ' R2', ''),
      date: fc.constantFrom('2026-01-05 09:00', '2026-05-01 10:00', '2026-13-01 00:00'),
      plan: fc.constantFrom('x', 'y', ''),
      q1: fc.constantFrom('满意', '非常满意', '不适用', '?'),
    });
    const file = fc.array(cell, { maxLength: 5 }).map((rows) => [BASE_HEADER, ...rows.map((r) => row(r.id, r.date, r.plan, r.q1))].join('\n'));
    fc.assert(
      fc.property(fc.array(file, { minLength: 2, maxLength: 4 }), (files) => {
        const named = Object.fromEntries(files.map((f, i) => [`f${i}.csv`, f]));
        if (!files.some((f) => f.includes('\n'))) return; // no rows at all: both throw the same error (tested elsewhere)
        const { one, two } = both(named);
        expect(two).toEqual(one);
      }),
      { numRuns: 15 },
    );
  });

  it('cuts files into pieces: equals one pass on the sample survey with any piece size, the helper given any share', () => {
    withHelper((h) => {
      const config = loadConfig(path.resolve('data/survey.yaml'));
      const oracle = plain(ingestResponses(config));
      for (const pieceBytes of [997, 4096, 50_000]) {
        expect(plain(ingestResponses(config, { helper: h, parallelFrom: 0, pieceBytes })), `pieces of ${pieceBytes} B`).toEqual(oracle);
        for (const helperFiles of [1, 3]) expect(plain(ingestResponses(config, { helper: h, parallelFrom: 0, pieceBytes, helperFiles })), `${pieceBytes} B, ${helperFiles}`).toEqual(oracle);
      }
    });
  });

  it('one file in pieces: quoted line breaks across a guessed boundary, CRLF, blank lines, duplicates and bad rows in later pieces', () => {
    withHelper((h) => {
      const rows: string[] = [BASE_HEADER];
      for (let i = 1; i <= 120; i++) {
        const id = i % 17 === 0 ? 'R3' : `R${i}`; // duplicates of R3 throughout
        const comment = i % 5 === 0 ? '"多行\n评论, ""引号""\n第三行"' : i % 7 === 0 ? '' : `ok ${i}`;
        const q1 = i % 23 === 0 ? '好极了' : '满意'; // an unknown label now and then
        rows.push(`${id},C${i % 9},2026-0${1 + (i % 6)}-05 09:00,${i % 2 ? 'x' : 'y'},${q1},一般,${i % 11},${comment}`);
        if (i % 31 === 0) rows.push('');
      }
      const text = rows.join('\r\n').replaceAll('\\n', '\n');
      const dir = tempDir('csat-pieces-');
      dirs.push(dir);
      const config = surveyIn(dir, BASE_YAML, { 'all.csv': text });
      const oracle = plain(ingestResponses(config));
      expect(oracle.rejected.length).toBeGreaterThan(5);
      for (const pieceBytes of [40, 97, 256, 700]) {
        for (const helperFiles of [undefined, 1]) {
          const got = plain(ingestResponses(config, { helper: h, parallelFrom: 0, pieceBytes, helperFiles }));
          expect(got, `pieces of ${pieceBytes} B`).toEqual(oracle);
        }
      }
    });
  });

  it('property: one file in pieces of any size equals one pass (multi-line quoted comments, CRLF, blank lines, duplicates)', () => {
    withHelper((h) => {
      const record = fc.record({
        id: fc.constantFrom('R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'),
        q1: fc.constantFrom('满意', '一般', '不适用', '?'),
        comment: fc.constantFrom('', 'ok', '"a\nb"', '"x, ""y""\r\nz\n"', '"\n\n"', 'plain text'),
        blank: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 8, max: 400 }), fc.boolean(), (rows, eol, pieceBytes, kept) => {
        const lines = [BASE_HEADER, ...rows.flatMap((r, i) => [row(`${r.id}${i % 3 ? '' : i}`, '2026-01-05 09:00', 'x', r.q1, r.comment), ...(r.blank ? [''] : [])])];
        const dir = tempDir('csat-pieces-');
        dirs.push(dir);
        const config = surveyIn(dir, BASE_YAML, { 'one.csv': lines.join(eol) });
        const oracle = plain(ingestResponses(config));
        expect(plain(ingestResponses(config, { helper: h, parallelFrom: 0, pieceBytes, helperFiles: kept ? 1 : undefined }))).toEqual(oracle);
      }),
      { numRuns: 25 },
    );
    });
  });

  it('one file in pieces: the error of a later piece is the one a single pass gives, line counted from the file start', () => {
    withHelper((h) => {
      const dir = tempDir('csat-pieces-');
      dirs.push(dir);
      const good = Array.from({ length: 60 }, (_, i) => row(`R${i}`, '2026-01-05 09:00', 'x'));
      const config = surveyIn(dir, BASE_YAML, { 'a.csv': [BASE_HEADER, ...good, 'R99,C,2026-01-05 09:00,"x,满意'].join('\n') });
      const message = (f: () => unknown) => {
        try {
          f();
        } catch (e) {
          return (e as CsatError).format();
        }
        return 'no error';
      };
      const one = message(() => ingestResponses(config));
      expect(one).toMatch(/a\.csv:62 column "field 4": unclosed quote/);
      for (const pieceBytes of [64, 300]) expect(message(() => ingestResponses(config, { helper: h, parallelFrom: 0, pieceBytes, helperFiles: 1 }))).toBe(one);
    });
  });

  it('reads a file that is not UTF-8 whole, in its first piece', () => {
    withHelper((h) => {
      const dir = tempDir('csat-pieces-');
      dirs.push(dir);
      const text = [BASE_HEADER, ...Array.from({ length: 40 }, (_, i) => row(`R${i}`, '2026-01-05 09:00', 'x', '满意', '很好'))].join('\n');
      const config = surveyIn(dir, BASE_YAML.replace('date_format', 'encoding: gb18030, date_format'), { 'g.csv': encodeGbk(text) });
      const oracle = plain(ingestResponses(config));
      expect(oracle.accounting.used).toBe(40);
      expect(plain(ingestResponses(config, { helper: h, parallelFrom: 0, pieceBytes: 64, helperFiles: 1 }))).toEqual(oracle);
    });
  });

  it('one file with a byte order mark, in pieces both threads read from one shared copy, equals one pass', () => {
    withHelper((h) => {
      const dir = tempDir('csat-pieces-');
      dirs.push(dir);
      const text = [BASE_HEADER, ...Array.from({ length: 80 }, (_, i) => row(`R${i % 70}`, `2026-0${1 + (i % 5)}-05 09:00`, 'x', '满意', i % 3 ? '很好' : '"慢,\n很慢"'))].join('\n');
      const config = surveyIn(dir, BASE_YAML, { 'b.csv': `\uFEFF${text}` });
      const oracle = plain(ingestResponses(config));
      expect(oracle.accounting.files[0].encoding).toBe('utf-8 (BOM)');
      for (const pieceBytes of [64, 500]) expect(plain(ingestResponses(config, { helper: h, parallelFrom: 0, pieceBytes }))).toEqual(oracle);
    });
  });

  it('takes a job back that the worker has not begun, and still reads the next result', () => {
    const h = Helper.start({})!;
    try {
      const first = h.post('themes', { comments: [], counts: new Map(), periods: [], config: loadConfig(path.resolve('data/survey.yaml')) });
      // Taken back at once: the worker is still loading its modules.
      expect(h.take(first, true)).toBeUndefined();
      const second = h.post('themes', { comments: [], counts: new Map(), periods: ['2026-Q1'], config: loadConfig(path.resolve('data/survey.yaml')) });
      expect(h.take<{ scopes: { period: string }[] }>(second)?.scopes.map((s) => s.period)).toEqual(['2026-Q1', 'total']);
    } finally {
      h.close();
    }
  });
});
