/**
 * Customer Effort Score on a 1–7 "made it easy" item: the mean (t interval) and the
 * share answering 5–7 (Wilson interval), both with Kish n_eff when weighted.
 */
import { cellShare, kishNEff, type CellStats } from './cell-stats';
import { meanInterval, type MeanInterval } from './mean-interval';
import { wilsonFromShare, type ProportionInterval } from './wilson';

export const CES_MIN = 1;
export const CES_MAX = 7;
export const CES_EASY_LEVELS: readonly number[] = [5, 6, 7];

export interface CesResult {
  mean: MeanInterval;
  /** Share of answers 5–7 with its Wilson interval. */
  easyShare: ProportionInterval;
}

/** CES of a 1–7 cell, or null for an empty cell. */
export function ces(cell: CellStats): CesResult | null {
  if (cell.counts.length !== CES_MAX - CES_MIN + 1) {
    throw new RangeError(`ces: needs a 1–7 scale (7 levels), got ${cell.counts.length} levels`);
  }
  const mean = meanInterval(cell, CES_MIN);
  const share = cellShare(cell, CES_EASY_LEVELS, CES_MIN);
  if (mean === null || share === null) return null;
  return { mean, easyShare: wilsonFromShare(share, kishNEff(cell)) };
}
