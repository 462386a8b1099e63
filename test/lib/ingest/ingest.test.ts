import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config';
import { parseCsv } from '../../../src/lib/ingest/csv';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import type { Delimiter } from '../../../src/lib/ingest/sniff';
import type { Responses } from '../../../src/lib/ingest/types';
import { encodeGbk, removeTemp, surveyIn, tempDir, utf16, writeCsv } from './_helpers';

const BASIC = path.resolve(__dirname, '../../fixtures/ingest/basic');
const basicConfig = () => loadConfig(path.join(BASIC, 'survey.yaml'));
const basicText = fs.readFileSync(path.join(BASIC, 'responses.csv'), 'utf8');
const tmp = tempDir();
afterAll(() => removeTemp(tmp));

/** Rows as plain objects, NaN kept (toEqual treats NaN as equal to NaN). */
const rows = (r: Responses) => r.table.objects();

const EXPECTED_ROWS = [
  { period: '2026-Q1', plan: '专业版', q_features: 4, q_service: 5, q_overall: 5, q_nps: 9, q_renew: 1, comment: '很好,继续保持' },
  { period: '2026-Q2', plan: '免费版', q_features: 2, q_service: 3, q_overall: 2, q_nps: 3, q_renew: 0, comment: '价格偏高\n希望有折扣' },
  { period: '2026-Q2', plan: '企业版', q_features: 5, q_service: 4, q_overall: 4, q_nps: 10, q_renew: 1, comment: null },
  { period: '2026-Q2', plan: '(blank)', q_features: 3, q_service: NaN, q_overall: 3, q_nps: 7, q_renew: NaN, comment: '他说"还行"' },
  { period: '2026-Q2', plan: '专业版', q_features: 5, q_service: 4, q_overall: 4, q_nps: 8, q_renew: 1, comment: null },
  { period: '2026-Q3', plan: '免费版', q_features: 1, q_service: 2, q_overall: 1, q_nps: 0, q_renew: 0, comment: '太贵了' },
];

describe('ingestResponses on the basic fixture', () => {
  const r = ingestResponses(basicConfig());

  it('gives one typed row per response, personal columns left out of the table', () => {
    expect(rows(r)).toEqual(EXPECTED_ROWS);
    expect(r.table.columnNames()).toEqual(['period', 'plan', 'q_features', 'q_service', 'q_overall', 'q_nps', 'q_renew', 'comment']);
    expect(r.table.column('q_nps')).toBeInstanceOf(Float64Array);
    expect(r.ids).toEqual(['R001', 'R002', 'R003', 'R004', 'R005', 'R006']);
    expect(r.customers).toEqual(['C01', 'C02', 'C01', 'C03', 'C04', null]);
    expect(r.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('accounts for every row', () => {
    expect(r.accounting).toEqual({
      files: [{ file: path.relative(process.cwd(), path.join(BASIC, 'responses.csv')), encoding: 'utf-8', delimiter: ',', rowsRead: 6, used: 6, rejected: 0 }],
      rowsRead: 6,
      used: 6,
      rejected: 0,
      byReason: {},
      missingRate: { q_features: 0, q_service: 1 / 6, q_overall: 0, q_nps: 0, q_renew: 1 / 6 },
    });
  });

  it('is the same with csv-parse alone', () => {
    const slow = ingestResponses(basicConfig(), { engine: 'csv-parse' });
    expect(rows(slow)).toEqual(rows(r));
    expect(slow.accounting).toEqual(r.accounting);
  });
});

describe('the same responses in every encoding, delimiter and line ending', () => {
  const records = parseCsv(Buffer.from(basicText), ',', 'basic').map((x) => x.fields);
  const variants: [string, (text: string) => Uint8Array | string, Delimiter, string][] = [
    ['utf-8 BOM, CRLF', (t) => '\ufeff' + t, ',', '\r\n'],
    ['utf-16le BOM', (t) => utf16(t, 'le'), ',', '\r\n'],
    ['utf-16be BOM', (t) => utf16(t, 'be'), ',', '\n'],
    ['utf-16le without BOM', (t) => utf16(t, 'le', false), ',', '\n'],
    ['GBK', (t) => encodeGbk(t), ',', '\r\n'],
    ['semicolon', (t) => t, ';', '\n'],
    ['tab', (t) => t, '\t', '\r\n'],
    ['pipe', (t) => t, '|', '\n'],
    ['GBK with semicolons', (t) => encodeGbk(t), ';', '\n'],
  ];
  it.each(variants)('%s', (name, encode, delimiter, eol) => {
    const dir = path.join(tmp, name.replace(/\W+/g, '-'));
    const yaml = fs.readFileSync(path.join(BASIC, 'survey.yaml'), 'utf8');
    const config = surveyIn(dir, yaml, { 'responses.csv': encode(writeCsv(records, delimiter, eol)) });
    const r = ingestResponses(config);
    expect(rows(r)).toEqual(EXPECTED_ROWS);
    expect(r.accounting.files[0].delimiter).toBe(delimiter);
    expect(r.rejected).toEqual([]);
  });
});

describe('header matching', () => {
  it('ignores case, surrounding white space, full-width spaces and NFKC differences', () => {
    const header = 'ＩＤ, Customer ,　date　,PLAN,Q1,q2 ,nps,COMMENT';
    const dir = path.join(tmp, 'header');
    const config = surveyIn(dir, BASE_YAML_WITH_FILES, { 'a.csv': `${header}\n1,c,2026-01-01 10:00,pro,满意,满意,9,\n` });
    expect(rows(ingestResponses(config))).toEqual([{ period: '2026-Q1', plan: 'pro', q1: 4, q2: 4, nps: 9, comment: null }]);
  });
});

const BASE_YAML_WITH_FILES = fs.readFileSync(path.resolve(__dirname, '_base.yaml'), 'utf8');

describe('each rejection reason', () => {
  const H = 'id,customer,date,plan,q1,q2,nps,comment';
  const ingest = (name: string, lines: string[], options = {}) => {
    const config = surveyIn(path.join(tmp, `reasons-${name}`), BASE_YAML_WITH_FILES, { 'a.csv': [H, ...lines].join('\n') + '\n' });
    const r = ingestResponses(config, options);
    expect(r.accounting.rowsRead).toBe(r.accounting.used + r.accounting.rejected);
    return r;
  };
  const GOOD = 'g,c,2026-01-01 10:00,pro,满意,满意,9,';
  const cases: [string, string, Partial<{ column: string; value: string; expected: string }>][] = [
    ['ragged row', '1,c,2026-01-01 10:00,pro,满意', { column: 'q2', value: '', expected: '8 fields as in the header; found 5' }],
    ['unknown label', '1,c,2026-01-01 10:00,pro,满意,很满意,9,', { column: 'q2', value: '很满意', expected: 'one of 非常满意, 满意, 一般, 不满意, 非常不满意 or a whole number 1–5; for no answer: blank, 不适用' }],
    ['out of range', '1,c,2026-01-01 10:00,pro,满意,满意,11,', { column: 'nps', value: '11', expected: 'a whole number 0–10; for no answer: blank, n/a' }],
    ['not a number', '1,c,2026-01-01 10:00,pro,满意,满意,"9,5",', { column: 'nps', value: '9,5' }],
    ['unparseable date', '1,c,2026-02-30 10:00,pro,满意,满意,9,', { column: 'date', value: '2026-02-30 10:00', expected: 'a date like YYYY-MM-DD HH:mm (e.g. 2026-07-01 09:30) or ISO 8601' }],
    ['missing id', ' ,c,2026-01-01 10:00,pro,满意,满意,9,', { column: 'id', value: '', expected: 'a response id' }],
    ['no answers', '1,c,2026-01-01 10:00,pro,,不适用,N/A,great', { column: '(all questions)', value: '' }],
  ];
  it.each(cases)('%s', (reason, line, fields) => {
    const r = ingest(reason.replace(/ /g, '-'), [GOOD, line]);
    expect(r.accounting.byReason).toEqual({ [reason]: 1 });
    expect(r.rejected).toEqual([expect.objectContaining({ line: 3, reason, ...fields })]);
    expect(r.rejected[0].file).toMatch(/a\.csv$/);
  });

  it('duplicate id: the second row is rejected, across files too, and the id is not shown', () => {
    const dir = path.join(tmp, 'dup');
    const config = surveyIn(dir, BASE_YAML_WITH_FILES, {
      'a.csv': `${H}\nR1,c,2026-01-01 10:00,pro,满意,满意,9,\nR2,c,2026-01-01 10:00,pro,满意,满意,9,\n`,
      'b.csv': `${H}\nR2,c,2026-01-02 10:00,pro,满意,满意,9,\nR3,c,2026-01-02 10:00,pro,满意,满意,9,\n R1 ,c,2026-01-02 10:00,pro,满意,满意,9,\n`,
    });
    const r = ingestResponses(config);
    expect(r.ids).toEqual(['R1', 'R2', 'R3']);
    expect(r.rejected.map((x) => [path.basename(x.file), x.line, x.reason, x.value])).toEqual([
      ['b.csv', 2, 'duplicate id', ''],
      ['b.csv', 4, 'duplicate id', ''],
    ]);
    // The place of first use, relative to the survey's folder: the same from any working folder, no machine paths.
    expect(r.rejected[0].expected).toBe('a response id not used before; this one was first used at a.csv:3');
    expect(r.accounting.files.map((f) => [f.rowsRead, f.used, f.rejected])).toEqual([[2, 2, 0], [3, 1, 2]]);
  });

  it('future date: only with asOf (the clock is never read)', () => {
    const line = '1,c,2030-01-01 10:00,pro,满意,满意,9,';
    expect(ingest('future-none', [GOOD, line]).accounting.rejected).toBe(0);
    const r = ingest('future', [GOOD, line], { asOf: new Date('2026-07-01T00:00:00Z') });
    expect(r.rejected).toEqual([expect.objectContaining({ reason: 'future date', expected: 'a date not after 2026-07-01T00:00:00.000Z' })]);
  });

  it('the first failing check is the reason; extra empty trailing fields are not ragged', () => {
    const r = ingest('order', [GOOD, '1,c,bad date,pro,很满意,满意,99,', '2,c,2026-01-01 10:00,pro,满意,满意,9,,,', '3,c,2026-01-01 10:00,pro,满意,满意,9,,x']);
    expect(r.rejected.map((x) => [x.line, x.reason, x.column, x.value])).toEqual([
      [3, 'unparseable date', 'date', 'bad date'],
      [5, 'ragged row', '(field 9)', 'x'],
    ]);
    expect(r.accounting.used).toBe(2);
  });

  it('masks e-mail addresses and phone numbers in rejected values', () => {
    const r = ingest('mask', [GOOD, '1,c,2026-01-01 10:00,pro,me@example.com,满意,9,', '2,c,2026-01-01 10:00,pro,call 138 0013 8000,满意,9,']);
    expect(r.rejected.map((x) => x.value)).toEqual(['[e-mail]', 'call [phone]']);
  });

  it('keeps a period whose rows were all rejected, with no used rows', () => {
    const r = ingest('empty-period', [GOOD, '1,c,2026-04-01 10:00,pro,很满意,满意,9,']);
    expect(r.periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(r.table.numRows()).toBe(1);
  });
});

describe('fatal problems', () => {
  const fatal = (name: string, files: Record<string, string | Uint8Array>, yaml = BASE_YAML_WITH_FILES) => {
    const config = surveyIn(path.join(tmp, `fatal-${name}`), yaml, files);
    try {
      ingestResponses(config);
    } catch (e) {
      return e as import('../../../src/lib/errors').CsatError;
    }
    throw new Error('expected a fatal error');
  };

  it('no file matches the glob: names the YAML key and line', () => {
    const e = fatal('glob', {});
    expect(e.format()).toMatch(/survey\.yaml:3:\d+: no files match responses\.files "\*\.csv" \(the pattern is relative to /);
    expect(e.exitCode).toBe(2);
  });

  it('an empty file, and a file with only a header', () => {
    expect(fatal('empty', { 'a.csv': '' }).format()).toMatch(/a\.csv:1: empty file: expected a header line/);
    expect(fatal('blank', { 'a.csv': '\r\n\n' }).format()).toMatch(/a\.csv:1: empty file/);
    expect(fatal('header', { 'a.csv': 'id,customer,date,plan,q1,q2,nps,comment\n' }).format()).toMatch(/a\.csv:2: no data rows: the file has no row after the header/);
  });

  it('a missing column lists the header and the closest name', () => {
    const e = fatal('missing', { 'a.csv': 'id,customer,date,plan,q1,q2,nps,Comments\n1,c,2026-01-01,p,1,2,3,\n' });
    expect(e.format()).toMatch(
      /a\.csv:1: missing column "comment" \(comments\[0\] in the survey definition\); the header has 8 columns: "id", "customer", "date", "plan", "q1", "q2", "nps", "Comments" \(closest header name: "Comments"\)/,
    );
  });

  it('a duplicated header name is fatal only when we read that column', () => {
    const e = fatal('dup-used', { 'a.csv': 'id,customer,date,plan,q1,Q1 ,q2,nps,comment\n1,c,2026-01-01,p,1,1,2,3,\n' });
    expect(e.format()).toMatch(/a\.csv:1 column "q1": header has "q1" 2 times \(fields 5, 6\)/);
    const config = surveyIn(path.join(tmp, 'dup-unused'), BASE_YAML_WITH_FILES, { 'a.csv': 'id,customer,date,plan,q1,q2,nps,comment,x,X\n1,c,2026-01-01,p,1,2,3,,a,b\n' });
    expect(ingestResponses(config).accounting.used).toBe(1);
  });

  it('settings that only the data stage can check are survey-definition errors (exit 78) at their YAML line', () => {
    const e = fatal('encoding', { 'a.csv': 'x' }, BASE_YAML_WITH_FILES.replace('files: "*.csv"', 'files: "*.csv", encoding: latin-9x'));
    expect(e.format()).toMatch(/survey\.yaml:3:\d+: responses\.encoding: unknown encoding "latin-9x"/);
    expect(e.exitCode).toBe(78);
    const f = fatal('format', { 'a.csv': 'x' }, BASE_YAML_WITH_FILES.replace('YYYY-MM-DD HH:mm', 'yyyy-MM-dd'));
    expect(f.format()).toMatch(/survey\.yaml:3:\d+: responses\.date_format: "yyyy-MM-dd" has an unknown token/);
  });
});

describe('a second survey, described only by its YAML', () => {
  const dir = path.resolve(__dirname, '../../fixtures/second-survey');
  const r = ingestResponses(loadConfig(path.join(dir, 'survey.yaml')));

  it('ingests numeric items with 0 = not applicable, no date column, a yes/no outcome and comments', () => {
    expect(r.periods).toEqual(['all']);
    expect(r.table.columnNames()).toEqual(['period', 'team', 'ease', 'speed', 'quality', 'recommend', 'resolved', 'comment']);
    expect(rows(r).slice(0, 3)).toEqual([
      { period: 'all', team: 'Support', ease: 4, speed: 5, quality: 4, recommend: 9, resolved: 1, comment: 'Quick and friendly, thanks!' },
      { period: 'all', team: 'Billing', ease: NaN, speed: 2, quality: 3, recommend: 4, resolved: 0, comment: 'Invoice was wrong, twice.\r\nStill waiting.' },
      { period: 'all', team: 'Support', ease: 5, speed: NaN, quality: NaN, recommend: 10, resolved: 1, comment: null },
    ]);
    expect(r.ids).toBeUndefined();
  });

  it('accounts for its invalid rows', () => {
    expect(r.accounting).toMatchObject({ rowsRead: 11, used: 9, rejected: 2, byReason: { 'out of range': 1, 'unknown label': 1 } });
    expect(r.rejected.map((x) => [x.line, x.column, x.value])).toEqual([
      [9, 'Speed (1-5)', '7'],
      [11, 'Issue resolved?', 'maybe'],
    ]);
  });
});

describe('periods in the survey time zone, whatever the machine’s', () => {
  const original = process.env.TZ;
  afterAll(() => {
    process.env.TZ = original;
  });

  it('puts timestamps near a quarter boundary in the Shanghai quarter under any process.env.TZ', () => {
    // 2026-03-31T16:30Z = 2026-04-01 00:30 in Shanghai (Q2); 2026-03-31 23:59 Shanghai wall time is Q1.
    const csv = [
      'id,customer,date,plan,q1,q2,nps,comment',
      'a,c,2026-03-31T16:30:00Z,p,满意,满意,9,',
      'b,c,2026-03-31 23:59,p,满意,满意,9,',
      'c,c,2026-03-31T23:59:00+08:00,p,满意,满意,9,',
      'd,c,2026-03-31T15:59:59Z,p,满意,满意,9,',
    ].join('\n');
    const config = surveyIn(path.join(tmp, 'tz'), BASE_YAML_WITH_FILES, { 'a.csv': csv });
    for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Chatham']) {
      process.env.TZ = tz;
      const r = ingestResponses(config);
      expect(r.table.array('period'), tz).toEqual(['2026-Q2', '2026-Q1', '2026-Q1', '2026-Q1']);
      expect(r.periods).toEqual(['2026-Q1', '2026-Q2']);
    }
  });
});
