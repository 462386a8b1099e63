/**
 * Survey weights (STATISTICS.md §3). Inputs are per-respondent category labels; outputs
 * are Float64Array weights normalised to mean 1 (so Σw = n).
 *
 * - Post-stratification: wᵢ = N_h / n_h for the respondent's cell h. Population sizes or
 *   population shares give the same weights once normalised.
 * - Raking (iterative proportional fitting, Deming & Stephan 1940): for each margin
 *   category c in turn, wᵢ ← wᵢ·T_c / Σ_{j∈c} wⱼ with T_c = target share·n; a round is
 *   one pass over all margins; stop when the largest relative change of any weight in
 *   any step of a round (|T_c/Σ − 1|, and any trim) is below 1e-6, and throw if that
 *   has not happened after 100 rounds.
 * - Trimming (optional, raking only): after every round's raking pass, positive weights
 *   are capped to [min, max] (in units of the mean weight, 1) and raking continues, so
 *   on convergence the weights meet both the margins and the caps (the "trim within
 *   IPF" approach of e.g. the anesrake package). Caps that cannot be met together
 *   with the margins show up as non-convergence.
 */

export interface RakingMargin {
  /** Name of the variable, used in error messages. */
  variable: string;
  /** Each respondent's category for this variable. */
  values: readonly (string | null)[];
  /** Population share (or size) per category; normalised to shares. */
  targets: Readonly<Record<string, number>>;
}

export interface WeightTrim {
  /** Smallest allowed weight, in units of the mean weight. */
  min?: number;
  /** Largest allowed weight, in units of the mean weight. */
  max?: number;
}

export interface RakingOptions {
  /** Largest relative change of any weight in a round at which raking stops (1e-6). */
  tolerance?: number;
  /** Rounds after which raking gives up with an error (100). */
  maxRounds?: number;
  trim?: WeightTrim;
  /** Design weights to start from (default all 1). */
  baseWeights?: ArrayLike<number>;
}

/** Kish effective sample size (Σw)² / Σw². */
export function kishEffectiveN(weights: ArrayLike<number>): number {
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    sum2 += weights[i] * weights[i];
  }
  return sum2 > 0 ? (sum * sum) / sum2 : 0;
}

/** A copy of the weights scaled to mean 1. */
export function normaliseToMeanOne(weights: ArrayLike<number>): Float64Array {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights: weight ${i} must be a finite number >= 0, got ${w}`);
    sum += w;
  }
  if (!(sum > 0)) throw new RangeError('weights: all weights are 0');
  const out = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = (weights[i] * weights.length) / sum;
  return out;
}

function targetShares(targets: Readonly<Record<string, number>>, what: string): Map<string, number> {
  let total = 0;
  for (const [category, value] of Object.entries(targets)) {
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(`${what}: target for '${category}' must be a finite number >= 0, got ${value}`);
    }
    total += value;
  }
  if (!(total > 0)) throw new RangeError(`${what}: targets must include one > 0`);
  return new Map(Object.entries(targets).map(([category, value]) => [category, value / total]));
}

/** Post-stratification weights N_h / n_h from each respondent's cell and the population per cell. */
export function postStratificationWeights(
  cells: readonly (string | null)[],
  population: Readonly<Record<string, number>>,
): Float64Array {
  if (cells.length === 0) throw new RangeError('post-stratification: no respondents');
  const shares = targetShares(population, 'post-stratification');
  const sampleCounts = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (cell === null) throw new RangeError(`post-stratification: respondent ${i} has no cell`);
    if (!shares.has(cell)) throw new RangeError(`post-stratification: cell '${cell}' (respondent ${i}) is not in the population`);
    sampleCounts.set(cell, (sampleCounts.get(cell) ?? 0) + 1);
  });
  for (const [cell, share] of shares) {
    if (share > 0 && !sampleCounts.has(cell)) {
      throw new RangeError(`post-stratification: cell '${cell}' has population share ${share} but no respondents`);
    }
  }
  const weights = new Float64Array(cells.length);
  cells.forEach((cell, i) => {
    const key = cell as string;
    weights[i] = (shares.get(key) as number) / (sampleCounts.get(key) as number);
  });
  return normaliseToMeanOne(weights);
}

interface PreparedMargin {
  variable: string;
  categories: string[];
  shares: Float64Array;
  /** Category index per respondent. */
  index: Int32Array;
}

function prepareMargin(margin: RakingMargin, n: number, base: Float64Array): PreparedMargin {
  const { variable } = margin;
  if (margin.values.length !== n) {
    throw new RangeError(`raking: '${variable}' has ${margin.values.length} values for ${n} respondents`);
  }
  const shareMap = targetShares(margin.targets, `raking: '${variable}'`);
  const categories = [...shareMap.keys()];
  const position = new Map(categories.map((c, i) => [c, i]));
  const index = new Int32Array(n);
  const present = new Float64Array(categories.length);
  margin.values.forEach((value, i) => {
    if (value === null) throw new RangeError(`raking: respondent ${i} has no value for '${variable}'`);
    const c = position.get(value);
    if (c === undefined) throw new RangeError(`raking: '${variable}' = '${value}' (respondent ${i}) has no target`);
    index[i] = c;
    present[c] += base[i];
  });
  const shares = Float64Array.from(categories, (c) => shareMap.get(c) as number);
  categories.forEach((category, c) => {
    if (shares[c] > 0 && !(present[c] > 0)) {
      throw new RangeError(`raking: '${variable}' = '${category}' has target share ${shares[c]} but no respondents`);
    }
  });
  return { variable, categories, shares, index };
}

function categoryTotals(margin: PreparedMargin, weights: Float64Array): Float64Array {
  const totals = new Float64Array(margin.categories.length);
  for (let i = 0; i < weights.length; i++) totals[margin.index[i]] += weights[i];
  return totals;
}

/** The margin category furthest from its target share, for the non-convergence error. */
function worstCategory(margins: PreparedMargin[], weights: Float64Array): string {
  let sum = 0;
  for (const w of weights) sum += w;
  let worst = { gap: -1, text: '' };
  for (const margin of margins) {
    const totals = categoryTotals(margin, weights);
    margin.categories.forEach((category, c) => {
      const reached = totals[c] / sum;
      const gap = Math.abs(reached - margin.shares[c]);
      if (gap > worst.gap) {
        worst = { gap, text: `'${margin.variable}' = '${category}' (target share ${margin.shares[c]}, reached ${reached})` };
      }
    });
  }
  return worst.text;
}

/** Raking weights to population margins, normalised to mean 1; throws if it cannot converge. */
export function rakeWeights(margins: readonly RakingMargin[], options: RakingOptions = {}): Float64Array {
  const { tolerance = 1e-6, maxRounds = 100, trim, baseWeights } = options;
  if (margins.length === 0) throw new RangeError('raking: needs at least one margin');
  if (!Number.isInteger(maxRounds) || maxRounds < 1) throw new RangeError(`raking: maxRounds must be an integer >= 1, got ${maxRounds}`);
  if (!(tolerance > 0)) throw new RangeError(`raking: tolerance must be > 0, got ${tolerance}`);
  const n = margins[0].values.length;
  if (n === 0) throw new RangeError('raking: no respondents');
  if (baseWeights && baseWeights.length !== n) {
    throw new RangeError(`raking: ${baseWeights.length} base weights for ${n} respondents`);
  }
  const trimMin = trim?.min ?? 0;
  const trimMax = trim?.max ?? Infinity;
  if (!(trimMin >= 0 && trimMax >= 1 && trimMin <= 1)) {
    throw new RangeError(`raking: trim needs 0 <= min <= 1 <= max, got min=${trim?.min}, max=${trim?.max}`);
  }
  const weights = normaliseToMeanOne(baseWeights ?? new Float64Array(n).fill(1));
  const prepared = margins.map((margin) => prepareMargin(margin, n, weights));

  for (let round = 1; round <= maxRounds; round++) {
    // Largest relative change of any weight in any step of this round. Comparing only the
    // start and end of a round would miss a cycle (e.g. two confounded margins).
    let largestChange = 0;
    for (const margin of prepared) {
      const totals = categoryTotals(margin, weights);
      const factors = totals.map((total, c) => {
        const target = margin.shares[c] * n;
        if (target === 0) {
          if (total > 0) largestChange = Math.max(largestChange, 1);
          return 0;
        }
        if (!(total > 0)) {
          throw new RangeError(`raking: '${margin.variable}' = '${margin.categories[c]}' has no weight left to reach its target`);
        }
        largestChange = Math.max(largestChange, Math.abs(target / total - 1));
        return target / total;
      });
      for (let i = 0; i < n; i++) weights[i] *= factors[margin.index[i]];
    }
    if (trim) {
      for (let i = 0; i < n; i++) {
        const w = weights[i];
        if (!(w > 0)) continue;
        const capped = Math.min(trimMax, Math.max(trimMin, w));
        largestChange = Math.max(largestChange, Math.abs(capped - w) / w);
        weights[i] = capped;
      }
    }
    if (largestChange < tolerance) return normaliseToMeanOne(weights);
    if (round === maxRounds) {
      throw new Error(
        `raking did not converge in ${maxRounds} rounds (largest relative change ${largestChange}); ` +
          `furthest from its margin: ${worstCategory(prepared, weights)}`,
      );
    }
  }
  throw new Error('raking: unreachable');
}
