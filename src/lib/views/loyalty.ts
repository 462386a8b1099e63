/**
 * What the loyalty page and its MDX components show, as plain rows: chart inputs, the
 * evidence sentence's numbers, the groups a `<Clv by=…>` may name. Nothing here is per customer
 * except the CLV values handed to the histogram, which only draws bins.
 */
import type { Locale, SurveyConfig } from '../config/types';
import type { LoyaltyModel } from '../analysis/loyalty';
import { NOT_SURVEYED } from '../analysis/loyalty/repeat-rate';
import type { LoyaltyGroupBy, LoyaltyMetric, LoyaltyTestRow, SatisfactionLoyaltyRow } from '../analysis/loyalty/types';
import type { HeatmapRow } from '../charts/heatmap-chart';
import type { IntervalDotRow } from '../charts/interval-dot-chart';
import type { TrendRow } from '../charts/trend-chart';

export const LOYALTY_METRICS: readonly LoyaltyMetric[] = ['repeat_rate', 'frequency', 'spend'];
export const LOYALTY_GROUPINGS: readonly LoyaltyGroupBy[] = ['satisfaction', 'nps'];

/** Values a `<Clv by=…>` accepts: all, each segment id, satisfaction, nps (those the model has). */
export function clvGroupings(loyalty: LoyaltyModel): string[] {
  return [...new Set(loyalty.clv.groups.map((g) => g.group_by))];
}

/** "5 · Very satisfied" for a level of the overall item; the value itself without a label. */
export function satisfactionLevelLabel(config: SurveyConfig, level: string, locale: Locale): string {
  const scale = config.questions.find((q) => q.role === 'overall')?.scale;
  const label = scale?.levelLabels[locale][Number(level) - scale.min];
  return label && label !== level ? `${level} · ${label}` : level;
}

/** Repeat purchase rate per period, in percent, for the trend chart. */
export function repeatRateTrend(loyalty: LoyaltyModel, segment = 'all', value = 'all'): TrendRow[] {
  return loyalty.periods.map((period) => {
    const r = loyalty.loyalty.find((x) => x.period === period && x.segment === segment && x.segment_value === value);
    return { period, value: r?.repeat_rate == null ? null : r.repeat_rate * 100, suppressed: r?.suppressed ?? true };
  });
}

/** Cohort × later period cells in percent; period 0 (always 100%) is left out. */
export function cohortCells(loyalty: LoyaltyModel, cohortLabel: (cohort: string, customers: number) => string, offsetLabel: (k: number) => string): HeatmapRow[] {
  return loyalty.cohorts
    .filter((r) => r.period_index > 0)
    .map((r) => ({ item: cohortLabel(r.cohort, r.customers), segment: offsetLabel(r.period_index), value: r.retention * 100 }));
}

/** The rows of one grouping, in scale order. */
export function satisfactionRows(loyalty: LoyaltyModel, by: LoyaltyGroupBy): SatisfactionLoyaltyRow[] {
  return loyalty.satisfaction.filter((r) => r.group_by === by);
}

/** Dots with intervals for one metric; shares in percent. */
export function satisfactionDots(rows: readonly SatisfactionLoyaltyRow[], metric: LoyaltyMetric, labelOf: (level: string) => string): IntervalDotRow[] {
  const scale = metric === 'repeat_rate' ? 100 : 1;
  const v = (x: number | null) => (x === null ? null : x * scale);
  return rows.map((r) => ({ label: labelOf(r.level), value: v(r[metric]), low: v(r[`${metric}_low`]), high: v(r[`${metric}_high`]), n: r.customers }));
}

/** The test of one comparison, or undefined. */
export function loyaltyTest(loyalty: LoyaltyModel, by: LoyaltyGroupBy, metric: LoyaltyMetric, comparison: LoyaltyTestRow['comparison']): LoyaltyTestRow | undefined {
  return loyalty.tests.find((t) => t.group_by === by && t.metric === metric && t.comparison === comparison);
}

/**
 * The verdict on "satisfaction drives loyalty" from the satisfaction tests: supported when the
 * repeat-rate trend or the top-against-bottom repeat rate is significantly positive, contradicted
 * when one is significantly negative, else not shown (too few customers or no difference).
 */
export function loyaltyVerdict(loyalty: LoyaltyModel, by: LoyaltyGroupBy = 'satisfaction'): 'supported' | 'contradicted' | 'not_shown' | 'untested' {
  const tests = [loyaltyTest(loyalty, by, 'repeat_rate', 'linear_trend'), loyaltyTest(loyalty, by, 'repeat_rate', by === 'satisfaction' ? 'top2_vs_bottom2' : 'promoters_vs_detractors')];
  const run = tests.filter((t): t is LoyaltyTestRow => t !== undefined && t.p !== null);
  if (run.length === 0) return 'untested';
  if (run.some((t) => t.significant && t.delta! > 0)) return 'supported';
  if (run.some((t) => t.significant && t.delta! < 0)) return 'contradicted';
  return 'not_shown';
}

/** Per-customer model CLV values, for the histogram only. */
export function clvValues(loyalty: LoyaltyModel): number[] {
  return loyalty.customers.flatMap((c) => (c.clv === null || !Number.isFinite(c.clv) ? [] : [c.clv]));
}

export function isNotSurveyed(group: string): boolean {
  return group === NOT_SURVEYED;
}
