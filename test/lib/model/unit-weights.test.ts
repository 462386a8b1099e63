import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import fc from 'fast-check';
import { parseConfig } from '../../../src/lib/config';
import { atomsFromResponses, metricsFromAtoms, type SurveyMetrics } from '../../../src/lib/model/build';
import { surveyWeights } from '../../../src/lib/model/weights';
import type { Responses } from '../../../src/lib/ingest/types';

/**
 * Weights of 1 reproduce the unweighted model (property, through the whole model): when the
 * weighting margins equal the sample's own shares in every period, post-stratification and
 * raking both give every respondent weight 1 (w = N_h/n_h = 1; raking starts at its fixed
 * point), so every published number must equal the unweighted one. The mix of segment cells
 * has 4, 8 or 16 respondents a period, so the shares are exact binary fractions and the
 * weights exactly 1 (with shares such as 1/3 they are 1 ± 1e-16, and a cell whose n sits
 * exactly on a small-cell threshold can flip class through n_eff).
 */
const base = `
title: Test
locale: en
responses: { files: x.csv, date: d }
segments: [{ id: plan, column: plan }, { id: region, column: region }]
scales: { s5: { points: 5 }, n11: { points: 11 } }
questions:
  - { id: a, column: a, scale: s5, weight: 2 }
  - { id: b, column: b, scale: s5, weight: 1 }
  - { id: o, column: o, scale: s5, role: overall }
  - { id: n, column: n, scale: n11, role: nps }
thresholds: { suppress: 2, directional: 5 }
drivers: { outcome: o, pool_periods: 2, min_per_driver: 2 }
`;

interface Row { period: string; plan: string; region: string; a: number; b: number; o: number; n: number }

function responses(rows: Row[]): Responses {
  const col = (k: 'a' | 'b' | 'o' | 'n') => Float64Array.from(rows.map((r) => r[k]));
  const table = aq.table({ period: rows.map((r) => r.period), plan: rows.map((r) => r.plan), region: rows.map((r) => r.region), a: col('a'), b: col('b'), o: col('o'), n: col('n') });
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return { table, periods, accounting: { files: [], rowsRead: rows.length, used: rows.length, rejected: 0, byReason: {}, missingRate: {} }, rejected: [] };
}

/** The same mix of segment cells in every period, answers drawn freely: the sample shares are the same in each period. */
const sample = fc
  .tuple(
    fc.constantFrom(4, 8, 16).chain((size) => fc.array(fc.record({ plan: fc.constantFrom('x', 'y', 'z'), region: fc.constantFrom('north', 'south') }), { minLength: size, maxLength: size })),
    fc.constantFrom(['2026-Q1'], ['2025-Q4', '2026-Q1'], ['2025-Q3', '2025-Q4', '2026-Q1']),
    fc.infiniteStream(fc.record({ a: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(NaN)), b: fc.integer({ min: 1, max: 5 }), o: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 0, max: 10 }) })),
  )
  .map(([mix, periods, answers]) => {
    const it = answers[Symbol.iterator]();
    const rows: Row[] = periods.flatMap((period) => mix.flatMap((cell) => [{ period, ...cell, ...it.next().value! }, { period, ...cell, ...it.next().value! }]));
    return { rows, mix };
  });

function shares(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, c / values.length]));
}

const yamlMap = (m: Record<string, number>) => `{ ${Object.entries(m).map(([k, v]) => `${k}: ${v}`).join(', ')} }`;

/** Where two values differ: numbers beyond 1e-9 (relative), arrays and objects field by field. */
function differences(got: unknown, want: unknown, where: string, out: string[] = []): string[] {
  if (typeof want === 'number' && typeof got === 'number' && Number.isFinite(want)) {
    if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) out.push(`${where}: ${got} ≠ ${want}`);
  } else if (want !== null && typeof want === 'object' && got !== null && typeof got === 'object') {
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    for (const k of keys) differences((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], `${where}.${k}`, out);
  } else if (!Object.is(got, want)) {
    out.push(`${where}: ${String(got)} ≠ ${String(want)}`);
  }
  return out;
}

function expectSameModel(weighted: SurveyMetrics, plain: SurveyMetrics): void {
  const tables = ['scores', 'index', 'nps', 'ces', 'outcomes', 'changes', 'gaps', 'drivers'] as const;
  for (const table of tables) expect(weighted[table].length, table).toBe(plain[table].length);
  expect(tables.flatMap((t) => differences(weighted[t], plain[t], t)).slice(0, 10)).toEqual([]);
}

describe('weights of 1 through the whole model (property)', () => {
  const plainConfig = parseConfig(base, '/tmp/survey.yaml');

  for (const method of ['poststratify', 'rake'] as const) {
    it(`${method} with margins equal to the sample shares reproduces the unweighted model`, () => {
      fc.assert(
        fc.property(sample, ({ rows, mix }) => {
          const plan = shares(mix.map((c) => c.plan));
          const region = shares(mix.map((c) => c.region));
          const margins = method === 'poststratify' ? `{ plan: ${yamlMap(plan)} }` : `{ plan: ${yamlMap(plan)}, region: ${yamlMap(region)} }`;
          const weightedConfig = parseConfig(`${base}weighting: { method: ${method}, margins: ${margins} }\n`, '/tmp/survey.yaml');
          const r = responses(rows);
          const weights = surveyWeights(r.table, r.periods, weightedConfig)!;
          expect([...weights].every((w) => w === 1)).toBe(true);
          const weighted = metricsFromAtoms(atomsFromResponses(r, weightedConfig), weightedConfig, r.accounting, r.rejected, true);
          const plain = metricsFromAtoms(atomsFromResponses(r, plainConfig), plainConfig, r.accounting, r.rejected, false);
          expectSameModel(weighted, plain);
        }),
        { numRuns: 30, seed: 7 },
      );
    });
  }
});
