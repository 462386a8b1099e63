import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import type { Responses } from '../../../src/lib/ingest/types';
import { removeTemp, tempDir } from './_helpers';
import { CORPUS_ROOT, corpusCases, expectOneLineError, runValidate, type CorpusExpected } from '../../helpers/bad-corpus';

/**
 * The bad-input corpus, table-driven: every folder of test/fixtures/bad holds a survey.yaml,
 * its data files and expected.json (see test/fixtures/bad/README.md). Cases of kind
 * "responses" (the default) run here, through `validate` in-process and through
 * ingestResponses with both CSV engines. Other kinds (actions, transactions) have their own
 * runners next to their readers.
 */
interface Expected extends CorpusExpected {
  outcome: 'fatal' | 'rejected' | 'ok';
  asOf?: string;
  generate?: keyof typeof generators;
  periods?: string[];
  encoding?: string;
  delimiter?: string;
  values?: Record<string, (number | string | null)[]>;
  stdout?: string[];
}

const KINDS = ['responses', 'actions', 'transactions'];
const ours = corpusCases<Expected>('responses');

const tmp = tempDir('csat-bad-');
afterAll(() => removeTemp(tmp));

const HEADER = '编号,时间,套餐,功能,服务,推荐,意见';
const GOOD = 'R1,2026-01-05 10:00,免费版,满意,非常满意,9,';
/** Big inputs are written by the test instead of being committed. */
const generators = {
  bigField: () => {
    const big = `${'很长的意见,带逗号\n和换行。'.repeat(1 << 18)}`.slice(0, 10 << 20);
    return `${HEADER}\n${GOOD}\nR2,2026-02-05 10:00,专业版,一般,满意,7,"${big}"\n`;
  },
  wideHeader: () => {
    const extra = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(',');
    const row = (cells: string) => `${extra(50_000, () => '')},${cells},${extra(49_993, () => '')}`;
    return [row(HEADER).replace(/^,+/, () => `${extra(50_000, (i) => `extra${i}`)},`).replace(/,+$/, () => `,${extra(49_993, (i) => `more${i}`)}`), row(GOOD), row('R2,2026-02-05 10:00,专业版,特别满意,满意,7,')].join('\n');
  },
};

function caseDir(name: string, expected: Expected): string {
  const source = path.join(CORPUS_ROOT, name);
  if (!expected.generate) return source;
  const dir = path.join(tmp, name);
  fs.cpSync(source, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'data.csv'), generators[expected.generate]());
  return dir;
}

const asOfDate = (asOf?: string) => (asOf ? new Date(`${asOf}T23:59:59.999Z`) : undefined);

const validateCase = (dir: string, expected: Expected) =>
  runValidate(['--config', path.join(dir, 'survey.yaml'), ...(expected.asOf ? ['--as-of', expected.asOf] : [])]);

/** Table columns as plain arrays, NaN as null, for comparing with expected.json. */
function column(r: Responses, name: string): unknown[] {
  return Array.from(r.table.array(name) as ArrayLike<unknown>, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v));
}

describe('bad-input corpus', () => {
  it('has at least 30 response and survey-definition cases, and every kind has a runner', () => {
    expect(ours.length).toBeGreaterThanOrEqual(30);
    const all = fs.readdirSync(CORPUS_ROOT).filter((d) => fs.existsSync(path.join(CORPUS_ROOT, d, 'expected.json')));
    expect(KINDS.reduce((n, kind) => n + corpusCases(kind).length, 0)).toBe(all.length);
  });

  it.each(ours.map((c) => [c.name, c.expected] as const))('%s', async (name, expected) => {
    const dir = caseDir(name, expected);
    const result = await validateCase(dir, expected);
    const { code, out, err } = result;
    // Never a stack trace: at most one line on stderr, an `error:` line.
    expect(err.length).toBeLessThanOrEqual(1);
    for (const line of [...err, ...out]) expect(line).not.toMatch(/^\s+at |\n\s+at /);

    if (expected.outcome === 'fatal' || (expected.exitCode ?? 0) !== 0) {
      expectOneLineError(result, dir, expected);
      // Says what was expected or what to do.
      expect(err[0]).toMatch(/expected|must|did you mean|defined scales|closest|allowed|a weight ≥|required|save |relative to|check anchors|see the reasons/);
      if (expected.outcome === 'fatal') return;
    } else {
      expect(err).toEqual([]);
      expect(code).toBe(0);
    }

    const config = loadConfig(path.join(dir, 'survey.yaml'));
    const fast = ingestResponses(config, { asOf: asOfDate(expected.asOf) });
    const slow = ingestResponses(config, { asOf: asOfDate(expected.asOf), engine: 'csv-parse' });
    expect(slow.table.objects()).toEqual(fast.table.objects());
    expect(slow.rejected).toEqual(fast.rejected);
    expect(slow.accounting).toEqual(fast.accounting);

    const a = fast.accounting;
    expect(a.rowsRead).toBe(a.used + a.rejected);
    for (const f of a.files) expect(f.rowsRead).toBe(f.used + f.rejected);
    expect(a.rowsRead).toBe(expected.rowsRead);
    expect(a.used).toBe(expected.used);
    expect(a.byReason).toEqual(expected.reasons ?? {});
    for (const r of fast.rejected) {
      expect(r.file.endsWith('data.csv')).toBe(true);
      expect(r.line).toBeGreaterThanOrEqual(2);
      expect(r.column).not.toBe('');
      expect(r.expected).not.toBe('');
    }
    // Rejected rows in order; `expected` is matched as the start of the row's expected text.
    (expected.rows ?? []).forEach(({ expected: wanted, ...row }, i) => {
      expect(fast.rejected[i]).toMatchObject(row);
      if (wanted !== undefined) expect(fast.rejected[i].expected.startsWith(String(wanted)), fast.rejected[i].expected).toBe(true);
    });
    if (expected.periods) expect(fast.periods).toEqual(expected.periods);
    if (expected.encoding) expect(a.files[0].encoding).toBe(expected.encoding);
    if (expected.delimiter) expect(a.files[0].delimiter).toBe(expected.delimiter);
    for (const [name, values] of Object.entries(expected.values ?? {})) expect(column(fast, name), name).toEqual(values);
    for (const line of expected.stdout ?? []) expect(out).toContain(line);
  });
});
