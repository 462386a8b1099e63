import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import fc from 'fast-check';
import { reduceResponses } from '../../../src/lib/model/reduce';
import { coverPairs } from '../../../src/lib/model/reduce-counts';
import { addResponse, emptyStats, makeLayout, type GroupStats } from '../../../src/lib/model/sufficient-stats';

// Three questions: a 1–5 item, a 0–10 item and a 0–1 item; cross-products for all three.
const layout = makeLayout([{ id: 'a', min: 1, points: 5 }, { id: 'b', min: 0, points: 11 }, { id: 'c', min: 0, points: 2 }], [0, 1, 2]);

interface Row { period: string; seg: string; a: number; b: number; c: number }

/** The oracle: every row added one by one (addResponse), grouped by a string key. */
function oneByOne(rows: Row[], weights?: number[]): Map<string, GroupStats> {
  const out = new Map<string, GroupStats>();
  rows.forEach((r, i) => {
    const key = `${r.period}|${r.seg}`;
    if (!out.has(key)) out.set(key, emptyStats(layout));
    addResponse(layout, out.get(key)!, Float64Array.of(r.a, r.b, r.c), weights ? weights[i] : 1);
  });
  return out;
}

function reduced(rows: Row[], weights?: number[]): Map<string, GroupStats> {
  const table = aq.table({ period: rows.map((r) => r.period), seg: rows.map((r) => r.seg), a: Float64Array.from(rows, (r) => r.a), b: Float64Array.from(rows, (r) => r.b), c: Float64Array.from(rows, (r) => r.c) });
  const atoms = reduceResponses({ table: () => table, layout, periods: ['p1', 'p2', 'p3'], segmentIds: ['seg'], weights: weights && Float64Array.from(weights) });
  return new Map(atoms.keys.map((k, i) => [`${atoms.periods[k[0]]}|${atoms.segments[0].values[k[1]]}`, atoms.stats[i]]));
}

const plain = (m: Map<string, GroupStats>) => new Map([...m].map(([k, s]) => [k, { ...s, counts: Array.from(s.counts), n: Array.from(s.n), w2: Array.from(s.w2), pairs: Array.from(s.pairs) }]));

const row = fc.record({
  period: fc.constantFrom('p1', 'p2', 'p3'),
  seg: fc.constantFrom('x', 'y', '(blank)'),
  a: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(NaN)),
  b: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(NaN)),
  c: fc.oneof(fc.integer({ min: 0, max: 1 }), fc.constant(NaN)),
});

describe('reduceResponses', () => {
  it('counts a worked example: levels, n and the pair sums of one cell', () => {
    // a = 5, 4, missing; b = 10, 6, 7: pair (a, b) over the 2 rows with both: Σa = 9, Σb = 16, Σab = 74, Σa² = 41, Σb² = 136.
    const rows = [
      { period: 'p1', seg: 'x', a: 5, b: 10, c: 1 },
      { period: 'p1', seg: 'x', a: 4, b: 6, c: 0 },
      { period: 'p1', seg: 'x', a: NaN, b: 7, c: 1 },
    ];
    const s = reduced(rows).get('p1|x')!;
    expect(s.rows).toBe(3);
    expect(Array.from(s.counts.subarray(0, 5))).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(s.n)).toEqual([2, 3, 3]);
    expect(Array.from(s.pairs.subarray(0, 7))).toEqual([2, 2, 9, 16, 74, 41, 136]);
  });

  it('property: counting (unweighted) equals adding the rows one by one, exactly', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
      expect(plain(reduced(rows))).toEqual(plain(oneByOne(rows)));
    }));
  });

  it('property: weighted rows equal adding them one by one', () => {
    fc.assert(fc.property(fc.array(fc.tuple(row, fc.double({ min: 0.1, max: 5, noNaN: true })), { maxLength: 40 }), (pairs) => {
      const rows = pairs.map(([r]) => r);
      const weights = pairs.map(([, w]) => w);
      expect(plain(reduced(rows, weights))).toEqual(plain(oneByOne(rows, weights)));
    }));
  });

  it('rejects an answer that is not a level of its scale', () => {
    expect(() => reduced([{ period: 'p1', seg: 'x', a: 4.5, b: 1, c: 0 }])).toThrow('question a: answer 4.5 is not a level of its scale 1–5');
  });
});

describe('coverPairs', () => {
  it('holds every pair of k positions exactly once, in blocks of three where it can', () => {
    for (let k = 0; k <= 12; k++) {
      const seen = new Map<string, number>();
      for (const b of coverPairs(k)) for (const [u, v] of b.pairs) {
        const key = `${b.members[u]},${b.members[v]}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      expect(seen.size).toBe(k < 2 ? 0 : (k * (k - 1)) / 2);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    }
    // Nine cross questions (the sample's 8 indicators and the overall item): 14 passes over the rows instead of 36.
    expect(coverPairs(9).length).toBe(14);
  });

  it('property: with blocks of three and of two (5 cross questions), counting still equals one by one', () => {
    const five = makeLayout([1, 2, 3, 4, 5].map((i) => ({ id: `q${i}`, min: 1, points: 5 })), [0, 1, 2, 3, 4]);
    const answer = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(NaN));
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('p1', 'p2'), answer, answer, answer, answer, answer), { maxLength: 40 }), (rows) => {
      const table = aq.table({ period: rows.map((r) => r[0]), ...Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`q${i}`, Float64Array.from(rows, (r) => r[i] as number)])) });
      const atoms = reduceResponses({ table: () => table, layout: five, periods: ['p1', 'p2'], segmentIds: [] });
      const oracle = new Map<number, GroupStats>();
      rows.forEach((r) => {
        const p = r[0] === 'p1' ? 0 : 1;
        if (!oracle.has(p)) oracle.set(p, emptyStats(five));
        addResponse(five, oracle.get(p)!, Float64Array.from(r.slice(1) as number[]), 1);
      });
      atoms.keys.forEach((k, i) => expect(Array.from(atoms.stats[i].pairs)).toEqual(Array.from(oracle.get(k[0])!.pairs)));
    }));
  });
});
