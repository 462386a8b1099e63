import type { SurveyConfig } from '../../config/types';
import type { SurveyMetrics } from '../../model/build';
import type { Comparison } from '../../model/compare';
import type { CellBase, MetricId } from '../../model/types';
import type { ActionTrendPoint } from './types';

/**
 * What an action's `question` names and how its values read, in the same display units as
 * the survey definition's targets: an item's 0–100 score, the index (0–100), CSAT as % top-2
 * of the overall item, NPS (−100..100), the CES mean (1–7), or a yes/no outcome as %.
 * Model values map linearly onto display units: display = value·scale + offset, and a
 * difference = delta·scale (the offset cancels).
 */
export interface ActionMetric {
  id: string;
  kind: 'score100' | 'index' | 'csat' | 'nps' | 'ces' | 'outcome';
  /** The question the comparison reads ('' for the index). */
  question: string;
  /** The comparison's metric id in compareGroups. */
  compare: MetricId;
  scale: number;
  offset: number;
  /** Allowed target values. */
  range: [number, number];
}

export const KPI_IDS = ['index', 'csat', 'nps', 'ces'] as const;

/** Every id an action may target: the KPI ids that exist in this survey and every question id. */
export function actionMetricIds(config: SurveyConfig): string[] {
  return [...KPI_IDS.filter((k) => actionMetric(config, k) !== undefined), ...config.questions.map((q) => q.id)];
}

export function actionMetric(config: SurveyConfig, id: string): ActionMetric | undefined {
  const byRole = (role: string) => config.questions.find((q) => q.role === role);
  if (id === 'index') {
    return config.questions.some((q) => q.role === 'indicator') ? { id, kind: 'index', question: '', compare: 'index', scale: 1, offset: 0, range: [0, 100] } : undefined;
  }
  if (id === 'csat') {
    const overall = byRole('overall');
    return overall && { id, kind: 'csat', question: overall.id, compare: 'top2', scale: 100, offset: 0, range: [0, 100] };
  }
  const q = id === 'nps' || id === 'ces' ? byRole(id) : config.questions.find((x) => x.id === id);
  if (!q) return undefined;
  const { min, max } = q.scale;
  switch (q.role) {
    case 'nps': return { id, kind: 'nps', question: q.id, compare: 'nps', scale: 1, offset: 0, range: [-100, 100] };
    case 'ces': return { id, kind: 'ces', question: q.id, compare: 'ces', scale: 1, offset: 0, range: [min, max] };
    case 'outcome': return { id, kind: 'outcome', question: q.id, compare: 'outcome', scale: 100, offset: 0, range: [0, 100] };
    default: {
      // (mean − min)/(K − 1)·100: the 0–100 score of STATISTICS.md §1.
      const scale = 100 / (max - min);
      return { id, kind: 'score100', question: q.id, compare: 'mean', scale, offset: -min * scale, range: [0, 100] };
    }
  }
}

/** The comparison of this metric among compareGroups' results. */
export function pickComparison(comparisons: readonly Comparison[], metric: ActionMetric): Comparison | undefined {
  return comparisons.find((c) => c.metric === metric.compare && c.question === metric.question);
}

export const toDisplay = (metric: ActionMetric, value: number) => value * metric.scale + metric.offset;

type Band = { value: number | null; low: number | null; high: number | null };

/** The metric in each survey period for one cell (the action's segment), from the model's rows. */
export function metricTrend(metrics: SurveyMetrics, metric: ActionMetric, segment: string, segmentValue: string): ActionTrendPoint[] {
  const inCell = (period: string) => (r: CellBase) => r.period === period && r.segment === segment && r.segment_value === segmentValue;
  const map = (v: number | null) => (v === null ? null : toDisplay(metric, v));
  return metrics.periods.map((period) => {
    const at = inCell(period);
    let row: (CellBase & Band) | undefined;
    if (metric.kind === 'index') row = metrics.index.find(at);
    else if (metric.kind === 'nps') {
      const r = metrics.nps.find((x) => at(x) && x.question === metric.question);
      row = r && { ...r, value: r.nps };
    } else if (metric.kind === 'ces') {
      const r = metrics.ces.find((x) => at(x) && x.question === metric.question);
      row = r && { ...r, value: r.mean, low: r.mean_low, high: r.mean_high };
    } else if (metric.kind === 'outcome') {
      const r = metrics.outcomes.find((x) => at(x) && x.question === metric.question);
      row = r && { ...r, value: r.share };
    } else {
      const r = metrics.scores.find((x) => at(x) && x.question === metric.question);
      row = r && (metric.kind === 'csat' ? { ...r, value: r.top2, low: r.top2_low, high: r.top2_high } : { ...r, value: r.mean, low: r.mean_low, high: r.mean_high });
    }
    if (!row) return { period, value: null, low: null, high: null, n: 0, suppressed: true };
    return { period, value: map(row.value), low: map(row.low), high: map(row.high), n: row.n, suppressed: row.suppressed };
  });
}
