/**
 * Top-2-box (the usual "CSAT %"), bottom-2-box and the 0–100 score of a K-point scale.
 * top-2-box = share of valid answers in the two highest levels (4–5 on 5 points,
 * 6–7 on 7); bottom-2-box likewise for the two lowest; score = (x − min)/(K − 1)·100,
 * ACSI-style, so items on different scales are comparable.
 */
import type { CellStats } from './cell-stats';
import { kishNEff } from './cell-stats';
import { wilsonFromShare, type ProportionInterval } from './wilson';

function checkBoxScale(cell: CellStats): void {
  if (cell.counts.length < 3) {
    throw new RangeError(`top/bottom-2-box: needs a scale of at least 3 levels, got ${cell.counts.length}`);
  }
}

/** Weighted share in the two highest levels, or null for an empty cell. */
export function topTwoBoxShare(cell: CellStats): number | null {
  checkBoxScale(cell);
  if (!(cell.sumW > 0)) return null;
  const k = cell.counts.length;
  return (cell.counts[k - 1] + cell.counts[k - 2]) / cell.sumW;
}

/** Weighted share in the two lowest levels, or null for an empty cell. */
export function bottomTwoBoxShare(cell: CellStats): number | null {
  checkBoxScale(cell);
  if (!(cell.sumW > 0)) return null;
  return (cell.counts[0] + cell.counts[1]) / cell.sumW;
}

/** Wilson interval (n = Kish n_eff) for the top-2-box share, or null for an empty cell. */
export function topTwoBoxInterval(cell: CellStats): ProportionInterval | null {
  const share = topTwoBoxShare(cell);
  return share === null ? null : wilsonFromShare(share, kishNEff(cell));
}

/** Wilson interval (n = Kish n_eff) for the bottom-2-box share, or null for an empty cell. */
export function bottomTwoBoxInterval(cell: CellStats): ProportionInterval | null {
  const share = bottomTwoBoxShare(cell);
  return share === null ? null : wilsonFromShare(share, kishNEff(cell));
}

/**
 * A value on a min..max scale (a mean or an interval bound) as a 0–100 score:
 * (value − min)/(K − 1)·100 with K = max − min + 1 levels.
 */
export function score100(value: number, min: number, max: number): number {
  if (!(max > min)) throw new RangeError(`score100: max must be > min, got min=${min}, max=${max}`);
  return ((value - min) / (max - min)) * 100;
}
