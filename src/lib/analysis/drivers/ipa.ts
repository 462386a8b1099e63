/**
 * Importance–performance analysis (Martilla & James 1977, Journal of Marketing 41(1), 77–79).
 * Cross-hairs at the mean importance and the mean performance of the items split them
 * into four quadrants; "concentrate here" holds the pain points to act on first.
 */

export type IpaQuadrant = 'concentrate' | 'keep_up' | 'low_priority' | 'overkill';

export interface IpaItem {
  id: string;
  /** E.g. a relative-weight share or a Pearson r; any scale, the same for every item. */
  importance: number;
  /** E.g. the 0–100 score or top-2-box; the same scale as `target`. */
  performance: number;
  /** Optional goal on the performance scale; when given, the gap is measured to it. */
  target?: number;
}

export interface IpaRow extends IpaItem {
  quadrant: IpaQuadrant;
  /** target − performance when a target is set, else mean performance − performance (> 0 = behind). */
  gap: number;
  /** importance × gap: the second sort key of the priority order. */
  priorityScore: number;
  /** 1 = act first. */
  priority: number;
}

export interface Ipa {
  importanceMean: number;
  performanceMean: number;
  /** Rows in priority order. */
  rows: IpaRow[];
}

const QUADRANT: Record<'high' | 'low', Record<'high' | 'low', IpaQuadrant>> = {
  // QUADRANT[importance][performance]
  high: { low: 'concentrate', high: 'keep_up' },
  low: { low: 'low_priority', high: 'overkill' },
};

/**
 * Quadrants and priority order of the items.
 *
 * Quadrants: "high" means at or above the mean (importance ≥ mean importance,
 * performance ≥ mean performance), so an item exactly on a cross-hair is not counted a
 * pain point ("at" allows for rounding in the mean: within 1e-12 relative).
 *
 * Priority (deterministic): 1) items in 'concentrate' before all others; 2) then by
 * priorityScore = importance × gap, largest first, where gap = target − performance for
 * items with a target and mean performance − performance otherwise; 3) ties by id
 * (code-unit order, independent of locale).
 */
export function importancePerformance(items: readonly IpaItem[]): Ipa {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new Error(`importance–performance: id "${item.id}" appears twice; ids must be unique`);
    seen.add(item.id);
    for (const key of ['importance', 'performance'] as const) {
      if (!Number.isFinite(item[key])) {
        throw new Error(`importance–performance: item "${item.id}" has ${key} ${item[key]}; must be a finite number`);
      }
    }
    if (item.target !== undefined && !Number.isFinite(item.target)) {
      throw new Error(`importance–performance: item "${item.id}" has target ${item.target}; must be a finite number or absent`);
    }
  }
  const importanceMean = mean(items.map((i) => i.importance));
  const performanceMean = mean(items.map((i) => i.performance));

  const rows = items.map((item): IpaRow => {
    const importanceLevel = atOrAbove(item.importance, importanceMean) ? 'high' : 'low';
    const performanceLevel = atOrAbove(item.performance, performanceMean) ? 'high' : 'low';
    const gap = (item.target ?? performanceMean) - item.performance;
    return {
      ...item,
      quadrant: QUADRANT[importanceLevel][performanceLevel],
      gap,
      priorityScore: item.importance * gap,
      priority: 0,
    };
  });
  rows.sort(
    (a, b) =>
      Number(b.quadrant === 'concentrate') - Number(a.quadrant === 'concentrate') ||
      b.priorityScore - a.priorityScore ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  rows.forEach((row, i) => (row.priority = i + 1));
  return { importanceMean, performanceMean, rows };
}

/** value ≥ mean, counting a value within rounding noise of the mean as on it. */
function atOrAbove(value: number, mean: number): boolean {
  return value >= mean - 1e-12 * Math.max(1, Math.abs(mean));
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
