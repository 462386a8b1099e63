import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import type { RejectReason } from '../../../src/lib/ingest/types';
import type { Delimiter } from '../../../src/lib/ingest/sniff';
import { BASE_HEADER, BASE_YAML, removeTemp, surveyIn, tempDir, writeCsv } from './_helpers';

/**
 * Random rows mixing valid, invalid and blank cells go through ingest; an independent
 * oracle, written from the documented rules, says for each row whether it is used (and with
 * which values) or rejected (and why). Rows read = used + rejected must hold for every file.
 */
interface Cell {
  text: string;
  value?: number; // a valid answer
  missing?: boolean;
  problem?: RejectReason;
}

const likert: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    { text: '非常满意', value: 5 }, { text: '满意', value: 4 }, { text: ' 一般 ', value: 3 }, { text: '不满意', value: 2 }, { text: '非常不满意', value: 1 },
    { text: '３', value: 3 }, { text: '5', value: 5 },
    { text: '', missing: true }, { text: '不适用', missing: true },
    { text: '很满意', problem: 'unknown label' }, { text: '满意度', problem: 'unknown label' },
    { text: '6', problem: 'out of range' }, { text: '4.5', problem: 'out of range' }, { text: '4,5', problem: 'not a number' },
  ),
);
const nps: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map((v) => ({ text: String(v), value: v })),
  fc.constantFrom<Cell>({ text: '', missing: true }, { text: 'n/a', missing: true }, { text: '11', problem: 'out of range' }, { text: 'ten', problem: 'not a number' }),
);
const date = fc.oneof(
  fc.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }) }).map(({ m, d, h }) => ({ text: `2026-${m}-${d} ${h}:05`, ok: true })),
  fc.constantFrom({ text: '2026-02-30 10:00', ok: false }, { text: 'yesterday', ok: false }, { text: '', ok: false }),
);
const text = fc.constantFrom('', 'ok', '好,很好', '第一行\n第二行', '他说"好"', ' ', 'a;b|c\td');
const row = fc.record({
  id: fc.constantFrom('R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', '', ' R2 '),
  date,
  plan: fc.constantFrom('免费版', '专业版', '', 'Pro'),
  q1: likert,
  q2: likert,
  nps,
  comment: text,
  shape: fc.constantFrom('full', 'full', 'full', 'full', 'short', 'long', 'trailing-empty'),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function fields(r: Row): string[] {
  const f = [r.id, 'C1', r.date.text, r.plan, r.q1.text, r.q2.text, r.nps.text, r.comment];
  if (r.shape === 'short') return f.slice(0, 5);
  if (r.shape === 'long') return [...f, 'extra'];
  if (r.shape === 'trailing-empty') return [...f, ''];
  return f;
}

function oracle(rows: Row[]): ({ reason: RejectReason } | { values: number[] })[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    if (r.shape === 'short' || r.shape === 'long') return { reason: 'ragged row' };
    const id = r.id.trim();
    if (id === '') return { reason: 'missing id' };
    if (seen.has(id)) return { reason: 'duplicate id' };
    seen.add(id);
    if (!r.date.ok) return { reason: 'unparseable date' };
    for (const c of [r.q1, r.q2, r.nps]) if (c.problem) return { reason: c.problem };
    if ([r.q1, r.q2, r.nps].every((c) => c.missing)) return { reason: 'no answers' };
    return { values: [r.q1, r.q2, r.nps].map((c) => (c.missing ? NaN : c.value!)) };
  });
}

const tmp = tempDir();
afterAll(() => removeTemp(tmp));
let run = 0;

describe('row accounting (property)', () => {
  it('every row is used or rejected with one reason, exactly as the rules say', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.array(row, { minLength: 1, maxLength: 10 }),
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('fast' as const, 'csv-parse' as const),
        (first, second, delimiter, eol, engine) => {
          const header = BASE_HEADER.split(',');
          const dir = path.join(tmp, `run-${run++}`);
          const config = surveyIn(dir, BASE_YAML, {
            'a.csv': writeCsv([header, ...first.map(fields)], delimiter, eol),
            'b.csv': writeCsv([header, ...second.map(fields)], delimiter, eol),
          });
          const r = ingestResponses(config, { engine });
          const a = r.accounting;
          expect(a.rowsRead).toBe(first.length + second.length);
          expect(a.rowsRead).toBe(a.used + a.rejected);
          for (const f of a.files) expect(f.rowsRead).toBe(f.used + f.rejected);
          expect(Object.values(a.byReason).reduce((s, n) => s + n, 0)).toBe(a.rejected);
          expect(r.table.numRows()).toBe(a.used);

          const expected = oracle([...first, ...second]);
          const reasons = expected.filter((x): x is { reason: RejectReason } => 'reason' in x).map((x) => x.reason);
          expect(r.rejected.map((x) => x.reason)).toEqual(reasons);
          for (const x of r.rejected) {
            expect(x.line).toBeGreaterThanOrEqual(2);
            expect(x.column).not.toBe('');
            expect(x.expected).not.toBe('');
          }
          const used = expected.filter((x): x is { values: number[] } => 'values' in x);
          expect(Array.from(r.table.column('q1') as Float64Array)).toEqual(used.map((u) => u.values[0]));
          expect(Array.from(r.table.column('q2') as Float64Array)).toEqual(used.map((u) => u.values[1]));
          expect(Array.from(r.table.column('nps') as Float64Array)).toEqual(used.map((u) => u.values[2]));
        },
      ),
      { seed: 20260401, numRuns: 80 },
    );
  });
});
