/**
 * Model CLV aggregated per group (count, mean, median, total), the groups being all
 * customers, each segment's values and the satisfaction levels and NPS groups of the
 * customer's latest survey response. Customers never surveyed form NOT_SURVEYED in every
 * grouping, so respondents can be compared with the rest. Groups below `suppress` customers
 * keep their count only.
 */
import type { Segment } from '../../config/types';
import { orderSegmentValues } from '../../ingest/summary';
import { summariseClvByGroup } from '../clv/model-clv';
import { ALL, NOT_SURVEYED } from './repeat-rate';
import { NPS_GROUPS, type ClvSegmentRow, type CustomerProfile } from './types';

export interface ClvGroupOptions {
  segments: readonly Segment[];
  /** Satisfaction levels of the overall item, lowest first (empty without one). */
  levels: readonly number[];
  hasNps: boolean;
  profiles: ReadonlyMap<string, CustomerProfile>;
  suppress: number;
  /** Simple CLV for the customers of one group (null when it cannot be computed). */
  simpleClv: (groupBy: string, group: string, include: (customer: string) => boolean) => number | null;
}

export function clvByGroup(customers: readonly string[], clv: ArrayLike<number>, o: ClvGroupOptions): ClvSegmentRow[] {
  if (customers.length !== clv.length) throw new RangeError(`customers and clv must have the same length, got ${customers.length}, ${clv.length}`);
  const groupings: { by: string; groupOf: (c: string) => string | null; order: (values: string[]) => string[] }[] = [
    { by: ALL, groupOf: () => ALL, order: (v) => v },
    ...o.segments.map((s) => ({
      by: s.id,
      groupOf: (c: string) => o.profiles.get(c)?.segments[s.id] ?? NOT_SURVEYED,
      order: (v: string[]) => orderSegmentValues(v, s.order),
    })),
  ];
  if (o.levels.length) {
    const levelText = o.levels.map(String);
    groupings.push({
      by: 'satisfaction',
      groupOf: (c) => {
        const p = o.profiles.get(c);
        if (!p) return NOT_SURVEYED;
        return Number.isFinite(p.satisfaction) ? String(p.satisfaction) : null;
      },
      order: (v) => levelText.filter((l) => v.includes(l)),
    });
  }
  if (o.hasNps) {
    groupings.push({
      by: 'nps',
      groupOf: (c) => (o.profiles.has(c) ? o.profiles.get(c)!.npsGroup : NOT_SURVEYED),
      order: (v) => NPS_GROUPS.filter((g) => v.includes(g)),
    });
  }
  const rows: ClvSegmentRow[] = [];
  for (const g of groupings) {
    const keep: number[] = [];
    const labels: string[] = [];
    customers.forEach((c, i) => {
      const label = g.groupOf(c);
      if (label === null) return;
      keep.push(clv[i]);
      labels.push(label);
    });
    const summaries = new Map(summariseClvByGroup(keep, labels).map((s) => [s.group, s]));
    const values = [...summaries.keys()];
    const ordered = [...g.order(values.filter((v) => v !== NOT_SURVEYED)), ...(summaries.has(NOT_SURVEYED) ? [NOT_SURVEYED] : [])];
    for (const group of ordered) {
      const s = summaries.get(group)!;
      const suppressed = s.count < o.suppress;
      const members = new Set(customers.filter((c) => g.groupOf(c) === group));
      rows.push({
        group_by: g.by,
        group,
        customers: s.count,
        clv_mean: suppressed ? null : s.mean,
        clv_median: suppressed ? null : s.median,
        clv_total: suppressed ? null : s.total,
        simple_clv: suppressed ? null : o.simpleClv(g.by, group, (c) => members.has(c)),
        suppressed,
      });
    }
  }
  return rows;
}
