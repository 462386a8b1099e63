import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import fc from 'fast-check';
import { parseConfig } from '../../../src/lib/config';
import { atomsFromResponses, metricsFromAtoms } from '../../../src/lib/model/build';
import type { Responses } from '../../../src/lib/ingest/types';

const yaml = `
title: Test
locale: en
responses: { files: x.csv, date: d }
segments: [{ id: plan, column: plan }]
scales: { s5: { points: 5 }, n11: { points: 11 } }
questions:
  - { id: a, column: a, scale: s5, weight: 2 }
  - { id: b, column: b, scale: s5, weight: 1 }
  - { id: o, column: o, scale: s5, role: overall }
  - { id: n, column: n, scale: n11, role: nps }
`;
const config = parseConfig(yaml, '/tmp/survey.yaml');

function responses(rows: { period: string; plan: string; a: number; b: number; o: number; n: number }[]): Responses {
  const col = (k: 'a' | 'b' | 'o' | 'n') => Float64Array.from(rows.map((r) => r[k]));
  const table = aq.table({ period: rows.map((r) => r.period), plan: rows.map((r) => r.plan), a: col('a'), b: col('b'), o: col('o'), n: col('n') });
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return { table, periods, accounting: { files: [], rowsRead: rows.length, used: rows.length, rejected: 0, byReason: {}, missingRate: {} }, rejected: [] };
}

const build = (r: Responses) => metricsFromAtoms(atomsFromResponses(r, config), config, r.accounting, r.rejected, false);

describe('metric model', () => {
  const rows = [
    { period: '2026-Q1', plan: 'x', a: 5, b: 4, o: 5, n: 10 },
    { period: '2026-Q1', plan: 'x', a: 4, b: 2, o: 4, n: 9 },
    { period: '2026-Q1', plan: 'y', a: 3, b: 3, o: 3, n: 6 },
    { period: '2026-Q1', plan: 'y', a: 2, b: 5, o: 2, n: 0 },
    { period: '2026-Q1', plan: 'y', a: 1, b: 1, o: 1, n: 7 },
    { period: '2026-Q1', plan: 'x', a: 5, b: 5, o: 5, n: 10 },
  ];
  const m = build(responses(rows));

  it('derives means and top-2-box per cell from the sufficient statistics', () => {
    const a = m.scores.find((r) => r.period === '2026-Q1' && r.segment === 'all' && r.question === 'a')!;
    // Hand: a = 5,4,3,2,1,5 → mean 20/6; top-2 = 3/6.
    expect(a.mean).toBeCloseTo(20 / 6, 12);
    expect(a.top2).toBeCloseTo(0.5, 12);
    expect(a.counts).toEqual([1, 1, 1, 1, 2]);
    expect(a.directional).toBe(true);
    const x = m.scores.find((r) => r.segment === 'plan' && r.segment_value === 'y' && r.question === 'a' && r.period === '2026-Q1')!;
    expect(x.suppressed).toBe(true);
    expect(x.mean).toBeNull();
  });

  it('computes the weighted index and, without missing answers, the exact variance of the per-respondent index', () => {
    const idx = m.index.find((r) => r.period === '2026-Q1' && r.segment === 'all')!;
    // Per-respondent index r = (2·score(a) + 1·score(b)) / 3 with score = (x − 1)/4·100, worked directly.
    const per = rows.map((r) => ((2 * (r.a - 1)) / 4 * 100 + ((r.b - 1) / 4) * 100) / 3);
    const mean = per.reduce((s, v) => s + v, 0) / per.length;
    const sd = Math.sqrt(per.reduce((s, v) => s + (v - mean) ** 2, 0) / (per.length - 1));
    expect(idx.value).toBeCloseTo(mean, 10);
    expect(idx.se).toBeCloseTo(sd / Math.sqrt(per.length), 10);
  });

  it('computes NPS from 0–10 counts', () => {
    const n = m.nps.find((r) => r.period === '2026-Q1' && r.segment === 'all')!;
    // promoters 10,9,10 = 3; detractors 6,0 = 2 (7 is passive) → (3 − 2)/6 · 100.
    expect(n.nps).toBeCloseTo(100 / 6, 10);
    expect(n.promoters).toBe(3);
    expect(n.detractors).toBe(2);
  });

  it('keeps rows read = used and never tests a suppressed cell', () => {
    expect(m.gaps.every((g) => g.segment_value !== 'y')).toBe(true);
  });

  it('property: the all-periods total equals the sum of the periods, and intervals contain the estimate', () => {
    const arbRow = fc.record({
      period: fc.constantFrom('2025-Q4', '2026-Q1'),
      plan: fc.constantFrom('x', 'y', 'z'),
      a: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(NaN)),
      b: fc.integer({ min: 1, max: 5 }),
      o: fc.integer({ min: 1, max: 5 }),
      n: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 80 }), (rs) => {
        const mm = build(responses(rs));
        const total = mm.scores.find((r) => r.period === 'total' && r.segment === 'all' && r.question === 'b')!;
        const perPeriod = mm.scores.filter((r) => r.period !== 'total' && r.segment === 'all' && r.question === 'b');
        expect(total.n).toBe(perPeriod.reduce((s, r) => s + r.n, 0));
        for (const r of mm.scores) {
          if (r.mean !== null && r.mean_low !== null) expect(r.mean_low - 1e-9 <= r.mean && r.mean <= r.mean_high! + 1e-9).toBe(true);
          if (r.top2 !== null) expect(r.top2_low! - 1e-9 <= r.top2 && r.top2 <= r.top2_high! + 1e-9).toBe(true);
        }
        for (const r of mm.index) if (r.value !== null) expect(r.low! <= r.value + 1e-9 && r.value <= r.high! + 1e-9).toBe(true);
        for (const g of mm.changes) expect(g.q >= g.p - 1e-12 || Number.isNaN(g.q)).toBe(true);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
