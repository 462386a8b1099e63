/**
 * Sufficient statistics for one cell (one question × one segment × one period):
 * weighted counts per scale level plus n, Σw and Σw². Every score, share, mean,
 * interval and test for a rating item is derived from these, so cells can be added
 * (all-periods totals, "rest of segments") without going back to rows.
 */

export interface CellStats {
  /** Weighted count per scale level; index = level − scale minimum. */
  counts: number[];
  /** Unweighted number of valid answers. */
  n: number;
  /** Σw over the valid answers (equals n when unweighted). */
  sumW: number;
  /** Σw² over the valid answers (equals n when unweighted). */
  sumW2: number;
}

export interface ScaleRange {
  min: number;
  max: number;
}

export function emptyCellStats(levelCount: number): CellStats {
  if (!Number.isInteger(levelCount) || levelCount < 2) {
    throw new RangeError(`cell stats: a scale needs at least 2 levels, got ${levelCount}`);
  }
  return { counts: new Array<number>(levelCount).fill(0), n: 0, sumW: 0, sumW2: 0 };
}

/** Adds one valid answer to an accumulator in place (for building cells in one pass over rows). */
export function addAnswer(cell: CellStats, level: number, min: number, weight = 1): void {
  const index = level - min;
  if (!Number.isInteger(index) || index < 0 || index >= cell.counts.length) {
    throw new RangeError(`cell stats: level ${level} is not on the scale ${min}..${min + cell.counts.length - 1}`);
  }
  if (!(weight >= 0) || !Number.isFinite(weight)) {
    throw new RangeError(`cell stats: weight must be a finite number >= 0, got ${weight}`);
  }
  cell.counts[index] += weight;
  cell.n += 1;
  cell.sumW += weight;
  cell.sumW2 += weight * weight;
}

/** Builds a cell from answers (null = missing, skipped) and optional respondent weights. */
export function cellStatsFromAnswers(
  answers: ArrayLike<number | null>,
  scale: ScaleRange,
  weights?: ArrayLike<number>,
): CellStats {
  if (weights && weights.length !== answers.length) {
    throw new RangeError(`cell stats: ${weights.length} weights for ${answers.length} answers`);
  }
  const cell = emptyCellStats(scale.max - scale.min + 1);
  for (let i = 0; i < answers.length; i++) {
    const level = answers[i];
    if (level === null || Number.isNaN(level)) continue;
    addAnswer(cell, level, scale.min, weights ? weights[i] : 1);
  }
  return cell;
}

/** Adds cells of the same scale (the statistics are sums, so merging is exact). */
export function mergeCellStats(...cells: CellStats[]): CellStats {
  if (cells.length === 0) throw new RangeError('mergeCellStats: needs at least one cell');
  const levelCount = cells[0].counts.length;
  const merged = emptyCellStats(levelCount);
  for (const cell of cells) {
    if (cell.counts.length !== levelCount) {
      throw new RangeError(`mergeCellStats: cells have ${levelCount} and ${cell.counts.length} levels`);
    }
    for (let i = 0; i < levelCount; i++) merged.counts[i] += cell.counts[i];
    merged.n += cell.n;
    merged.sumW += cell.sumW;
    merged.sumW2 += cell.sumW2;
  }
  return merged;
}

/** Kish effective sample size (Σw)² / Σw²; equals n when all weights are 1. */
export function kishNEff(cell: CellStats): number {
  return cell.sumW2 > 0 ? (cell.sumW * cell.sumW) / cell.sumW2 : 0;
}

/** Weighted mean of the levels, or null for an empty cell. */
export function cellMean(cell: CellStats, min: number): number | null {
  if (!(cell.sumW > 0)) return null;
  let sum = 0;
  for (let i = 0; i < cell.counts.length; i++) sum += cell.counts[i] * (min + i);
  return sum / cell.sumW;
}

/**
 * Unbiased weighted variance from Σw(x − x̄)², Σw and Σw²:
 *
 *   s² = Σw(x − x̄)² / (Σw − Σw²/Σw)
 *
 * This is the frequency-weight formula s² = Σw(x − x̄)² / (Σw − 1) applied after
 * scaling the weights so that they sum to the Kish effective sample size
 * n_eff = (Σw)²/Σw². The scaling makes it independent of the weights' unit (mean-1,
 * population totals, …) and consistent with using n_eff in intervals; with all
 * weights 1 it is the ordinary n − 1 formula. Null when n_eff ≤ 1.
 */
export function unbiasedWeightedVariance(sumWDev2: number, sumW: number, sumW2: number): number | null {
  if (!(sumW > 0)) return null;
  const denominator = sumW - sumW2 / sumW;
  // n_eff ≤ 1 (one answer, or one weight dominating) leaves no degrees of freedom.
  if (!(denominator > 1e-12 * sumW)) return null;
  return sumWDev2 / denominator;
}

/** Unbiased weighted variance of the levels (see unbiasedWeightedVariance), or null. */
export function cellVariance(cell: CellStats, min: number): number | null {
  const mean = cellMean(cell, min);
  if (mean === null) return null;
  let sumWDev2 = 0;
  for (let i = 0; i < cell.counts.length; i++) {
    const dev = min + i - mean;
    sumWDev2 += cell.counts[i] * dev * dev;
  }
  return unbiasedWeightedVariance(sumWDev2, cell.sumW, cell.sumW2);
}

export function cellSd(cell: CellStats, min: number): number | null {
  const variance = cellVariance(cell, min);
  return variance === null ? null : Math.sqrt(variance);
}

/** Weighted share of answers in the given levels, or null for an empty cell. */
export function cellShare(cell: CellStats, levels: readonly number[], min: number): number | null {
  if (!(cell.sumW > 0)) return null;
  let inLevels = 0;
  for (const level of new Set(levels)) {
    const index = level - min;
    if (!Number.isInteger(index) || index < 0 || index >= cell.counts.length) {
      throw new RangeError(`cellShare: level ${level} is not on the scale ${min}..${min + cell.counts.length - 1}`);
    }
    inLevels += cell.counts[index];
  }
  return inLevels / cell.sumW;
}
