import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kishEffectiveN,
  normaliseToMeanOne,
  postStratificationWeights,
  rakeWeights,
  type RakingMargin,
} from '../../../src/lib/metrics/weighting';

/** Respondents from a 2×2 table of (sex, age) counts. */
function sample(counts: Record<string, number>): { sex: string[]; age: string[] } {
  const sex: string[] = [];
  const age: string[] = [];
  for (const [cell, count] of Object.entries(counts)) {
    const [s, a] = cell.split('/');
    for (let i = 0; i < count; i++) {
      sex.push(s);
      age.push(a);
    }
  }
  return { sex, age };
}

function margins(s: { sex: string[]; age: string[] }, sexTargets: Record<string, number>, ageTargets: Record<string, number>): RakingMargin[] {
  return [
    { variable: 'sex', values: s.sex, targets: sexTargets },
    { variable: 'age', values: s.age, targets: ageTargets },
  ];
}

describe('post-stratification', () => {
  it('w = N_h/n_h, normalised to mean 1 (hand-worked)', () => {
    // A: 2 respondents, share 0.5 → 0.25 each; B: 1 respondent, share 0.5 → 0.5. Mean 1/3 → 0.75, 0.75, 1.5.
    expect(Array.from(postStratificationWeights(['A', 'B', 'A'], { A: 0.5, B: 0.5 }))).toEqual([0.75, 1.5, 0.75]);
    // Population sizes instead of shares give the same weights.
    expect(Array.from(postStratificationWeights(['A', 'B', 'A'], { A: 5000, B: 5000 }))).toEqual([0.75, 1.5, 0.75]);
  });

  it('names the cell it cannot weight', () => {
    expect(() => postStratificationWeights(['A', 'C'], { A: 1, B: 1 })).toThrow(
      "post-stratification: cell 'C' (respondent 1) is not in the population",
    );
    expect(() => postStratificationWeights(['A'], { A: 1, B: 1 })).toThrow(
      "post-stratification: cell 'B' has population share 0.5 but no respondents",
    );
  });
});

describe('raking', () => {
  it('independent sample: weights are the products of the margin ratios', () => {
    // One respondent per cell, targets sex .6/.4, age .3/.7: w = 4·share_sex·share_age.
    const w = rakeWeights(margins(sample({ 'M/Y': 1, 'M/O': 1, 'F/Y': 1, 'F/O': 1 }), { M: 0.6, F: 0.4 }, { Y: 0.3, O: 0.7 }));
    [0.72, 1.68, 0.48, 1.12].forEach((expected, i) => expect(w[i]).toBeCloseTo(expected, 9));
  });

  it('2×2 table with a known answer worked by hand', () => {
    // Sample cells MY 2, MO 1, FY 1, FO 2 (n 6); targets sex .6/.4, age .3/.7 → totals M 3.6, F 2.4,
    // Y 1.8, O 4.2. IPF keeps the sample's odds ratio (2·2)/(1·1) = 4 (Bishop, Fienberg & Holland
    // 1975, Discrete Multivariate Analysis, ch. 3), so with x = fitted MY total: x(0.6 + x) = 4(3.6 − x)(1.8 − x), i.e.
    // 3x² − 22.2x + 25.92 = 0, x = (22.2 − √181.8)/6.
    const x = (22.2 - Math.sqrt(181.8)) / 6;
    const w = rakeWeights(margins(sample({ 'M/Y': 2, 'M/O': 1, 'F/Y': 1, 'F/O': 2 }), { M: 0.6, F: 0.4 }, { Y: 0.3, O: 0.7 }));
    const expected = [x / 2, x / 2, 3.6 - x, 1.8 - x, (0.6 + x) / 2, (0.6 + x) / 2];
    expected.forEach((e, i) => expect(w[i]).toBeCloseTo(e, 6));
  });

  it('trimming inside the iterations meets both the cap and the margins (hand-worked)', () => {
    // Cells MY 1, MO 5, FY 5, FO 1; targets sex .5/.5, age .2/.8 (totals M 6, F 6, Y 2.4, O 9.6).
    // Untrimmed the MY weight is ≈ 0.141; with min 0.2 the MY total is 0.2, so MO = 5.8 (1.16 each),
    // FY = 2.2 (0.44 each), FO = 3.8.
    const m = margins(sample({ 'M/Y': 1, 'M/O': 5, 'F/Y': 5, 'F/O': 1 }), { M: 0.5, F: 0.5 }, { Y: 0.2, O: 0.8 });
    expect(rakeWeights(m)[0]).toBeCloseTo(0.1414, 3);
    const w = rakeWeights(m, { trim: { min: 0.2 } });
    [0.2, 1.16, 1.16, 1.16, 1.16, 1.16, 0.44, 0.44, 0.44, 0.44, 0.44, 3.8].forEach((e, i) => expect(w[i]).toBeCloseTo(e, 5));
    // A cap that the margins cannot meet is reported, naming the margin furthest off.
    expect(() => rakeWeights(m, { trim: { max: 3 } })).toThrow(/raking did not converge in 100 rounds .*furthest from its margin: 'sex'/);
  });

  it('reports non-convergence for confounded margins', () => {
    // Every man is young and every woman old: sex .5/.5 and age .2/.8 cannot both hold.
    expect(() => rakeWeights(margins(sample({ 'M/Y': 3, 'F/O': 3 }), { M: 0.5, F: 0.5 }, { Y: 0.2, O: 0.8 }))).toThrow(
      /raking did not converge in 100 rounds \(largest relative change [\d.]+\); furthest from its margin: 'sex' = '(M|F)'/,
    );
  });

  it('names an empty category with a positive target, and an unknown category', () => {
    const s = sample({ 'M/Y': 2, 'M/O': 2 });
    expect(() => rakeWeights(margins(s, { M: 0.5, F: 0.5 }, { Y: 0.5, O: 0.5 }))).toThrow(
      "raking: 'sex' = 'F' has target share 0.5 but no respondents",
    );
    expect(() => rakeWeights(margins(s, { M: 1 }, { Y: 1 }))).toThrow("raking: 'age' = 'O' (respondent 2) has no target");
  });

  it('weights have mean 1 and reproduce the margins (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        ([a, b, c, d], pm, py) => {
          const s = sample({ 'M/Y': a, 'M/O': b, 'F/Y': c, 'F/O': d });
          const w = rakeWeights(margins(s, { M: pm, F: 1 - pm }, { Y: py, O: 1 - py }));
          const n = w.length;
          const total = w.reduce((sum, x) => sum + x, 0);
          expect(total / n).toBeCloseTo(1, 12);
          const male = w.reduce((sum, x, i) => sum + (s.sex[i] === 'M' ? x : 0), 0);
          const young = w.reduce((sum, x, i) => sum + (s.age[i] === 'Y' ? x : 0), 0);
          expect(male / n).toBeCloseTo(pm, 5);
          expect(young / n).toBeCloseTo(py, 5);
        },
      ),
    );
  });
});

describe('Kish n_eff and normalising', () => {
  it('(Σw)²/Σw²: 1,1,2,4 → 64/22; equal weights → n', () => {
    expect(kishEffectiveN([1, 1, 2, 4])).toBeCloseTo(64 / 22, 14);
    expect(kishEffectiveN([3, 3, 3])).toBe(3);
    expect(Array.from(normaliseToMeanOne([2, 6]))).toEqual([0.5, 1.5]);
    expect(() => normaliseToMeanOne([0, 0])).toThrow('weights: all weights are 0');
  });
});
