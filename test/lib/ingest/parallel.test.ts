import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadConfig } from '../../../src/lib/config';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import type { Responses } from '../../../src/lib/ingest/types';
import { Helper } from '../../../src/lib/parallel/helper';
import { BASE_HEADER, BASE_YAML, removeTemp, surveyIn, tempDir } from './_helpers';

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
    expect(one.rejected.find((r) => r.file.endsWith('e.csv'))?.expected).toMatch(/first used at .*a\.csv:3$/);
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
