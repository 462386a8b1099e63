import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logOddsDirichlet } from '../../../../src/lib/analysis/themes/log-odds';

const counts = (o: Record<string, number>) => new Map(Object.entries(o));

describe('logOddsDirichlet', () => {
  it('matches a value worked by hand (Monroe, Colaresi & Quinn 2008)', () => {
    // Group i: x 10, y 5, z 5 (nᵢ = 20); group j: x 2, y 8, z 10 (nⱼ = 20).
    // Background = i + j: x 12, y 13, z 15 (total 40); α₀ = 40, so α_x = 40·12/40 = 12.
    // δ_x = ln((10+12)/(20+40−10−12)) − ln((2+12)/(20+40−2−12)) = ln(22/38) − ln(14/46)
    //     = ln(1012/532) = 0.643040;  Var = 1/22 + 1/14 = 0.116883;  z = 0.643040/0.341882 = 1.88089.
    // δ_z = ln(20/40) − ln(25/35) = −0.356675; Var = 1/20 + 1/25 = 0.09; z = −1.18892.
    const rows = logOddsDirichlet(counts({ x: 10, y: 5, z: 5 }), counts({ x: 2, y: 8, z: 10 }), { alpha0: 40 });
    expect(rows.map((r) => r.term)).toEqual(['x', 'y', 'z']);
    const [x, , z] = rows;
    expect(x).toMatchObject({ countI: 10, countJ: 2, alpha: 12 });
    expect(x.delta).toBeCloseTo(Math.log(1012 / 532), 12);
    expect(x.delta).toBeCloseTo(0.64304, 5);
    expect(x.variance).toBeCloseTo(1 / 22 + 1 / 14, 12);
    expect(x.z).toBeCloseTo(1.88089, 5);
    expect(z.delta).toBeCloseTo(Math.log(0.5) - Math.log(25 / 35), 12);
    expect(z.z).toBeCloseTo(-1.18892, 5);
    // The default α₀ is the background total (40 here): the same rows.
    expect(logOddsDirichlet(counts({ x: 10, y: 5, z: 5 }), counts({ x: 2, y: 8, z: 10 }))).toEqual(rows);
  });

  it('takes the prior from a background corpus and drops terms below minCount', () => {
    // Background x 30, w 70 (total 100), α₀ = 10: α_x = 3. Term w appears twice in i+j only.
    const rows = logOddsDirichlet(counts({ x: 4, w: 1 }), counts({ x: 1, w: 1 }), {
      background: counts({ x: 30, w: 70 }),
      alpha0: 10,
      minCount: 3,
    });
    expect(rows.map((r) => r.term)).toEqual(['x']);
    // δ_x = ln((4+3)/(5+10−4−3)) − ln((1+3)/(2+10−1−3)) = ln(7/8) − ln(4/8) = ln(7/4).
    expect(rows[0].alpha).toBeCloseTo(3, 12);
    expect(rows[0].delta).toBeCloseTo(Math.log(7 / 4), 12);
    expect(rows[0].variance).toBeCloseTo(1 / 7 + 1 / 4, 12);
  });

  it('rejects bad input', () => {
    expect(() => logOddsDirichlet(counts({ x: 3 }), counts({}), { alpha0: 0 })).toThrow('alpha0 is 0');
    expect(() => logOddsDirichlet(counts({ x: -1 }), counts({}))).toThrow('group i count of "x" is -1');
    expect(() => logOddsDirichlet(counts({ x: 3 }), counts({}), { background: counts({ y: 1, z: 1 }) })).toThrow(
      '"x" has no background count',
    );
    expect(() => logOddsDirichlet(counts({ x: 3 }), counts({ x: 1 }))).toThrow('the background has 1 term(s) with a count; need at least 2');
  });

  it('negates z when the groups swap (property)', () => {
    const group = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 50 }));
    fc.assert(
      fc.property(group, group, (i, j) => {
        fc.pre(new Set([...Object.entries(i), ...Object.entries(j)].filter(([, c]) => c > 0).map(([t]) => t)).size >= 2);
        const ci = counts(i);
        const cj = counts(j);
        const forward = new Map(logOddsDirichlet(ci, cj, { alpha0: 20, minCount: 1 }).map((r) => [r.term, r.z]));
        const backward = logOddsDirichlet(cj, ci, { alpha0: 20, minCount: 1 });
        for (const r of backward) expect(r.z).toBeCloseTo(-(forward.get(r.term) as number), 9);
      }),
    );
  });
});
