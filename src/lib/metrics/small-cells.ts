/**
 * Small-cell rule (STATISTICS.md §2): below `suppress` responses a figure is not shown
 * ("n<5") and never tested; below `directional` it is marked directional. Pass n, or
 * the Kish n_eff when weights are on. Thresholds are survey-definition settings.
 */

export type CellSizeClass = 'suppressed' | 'directional' | 'ok';

export interface SmallCellThresholds {
  suppress: number;
  directional: number;
}

export const DEFAULT_SMALL_CELL_THRESHOLDS: Readonly<SmallCellThresholds> = { suppress: 5, directional: 30 };

export function classifyCellSize(
  n: number,
  thresholds: SmallCellThresholds = DEFAULT_SMALL_CELL_THRESHOLDS,
): CellSizeClass {
  const { suppress, directional } = thresholds;
  if (!(suppress >= 0) || !(directional >= suppress) || !Number.isFinite(directional)) {
    throw new RangeError(
      `small cells: thresholds must satisfy 0 <= suppress <= directional, got suppress=${suppress}, directional=${directional}`,
    );
  }
  if (!(n >= 0) || !Number.isFinite(n)) throw new RangeError(`small cells: n must be a finite number >= 0, got ${n}`);
  // Kish n_eff of weights that are 1 up to rounding (1 ± 1e-16) must classify like n.
  const size = n + 1e-9;
  if (size < suppress) return 'suppressed';
  if (size < directional) return 'directional';
  return 'ok';
}
