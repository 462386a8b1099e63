import type { SurveyConfig } from '../config/types';
import type { SurveyMetrics } from '../model/build';
import type { CellBase, ChangeRow } from '../model/types';
import type { FormatName } from '../format';
import { cellLookup } from './cell-lookup';

export const KPI_METRICS = ['index', 'csat', 'nps', 'ces'] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export interface KpiValue {
  metric: KpiMetric;
  period: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
  suppressed: boolean;
  directional: boolean;
  /** Change against the previous period, when both were testable. */
  change?: ChangeRow;
  target?: number;
  /** Target in the value's own units (CSAT targets are written in %, values are shares). */
  met?: boolean;
  format: FormatName;
}

interface Where {
  period: string;
  segment?: string;
  segmentValue?: string;
}

const overallId = (config: SurveyConfig) => config.questions.find((q) => q.role === 'overall')?.id;

/** Which metrics this survey can show (a survey without NPS has no NPS card). */
export function availableKpis(config: SurveyConfig): KpiMetric[] {
  return KPI_METRICS.filter((m) =>
    m === 'index' ? config.questions.some((q) => q.role === 'indicator')
      : m === 'csat' ? overallId(config) !== undefined
      : config.questions.some((q) => q.role === m),
  );
}

/** One KPI in one cell, with its change and target status. */
export function kpiValue(metrics: SurveyMetrics, config: SurveyConfig, metric: KpiMetric, where: Where): KpiValue {
  const segment = where.segment ?? 'all';
  const segmentValue = where.segmentValue ?? 'all';
  const cells = cellLookup(metrics);
  const changeOf = (m: string, question: string) => cells.change(where.period, segment, segmentValue, m, question);
  let row: (CellBase & { value: number | null; low: number | null; high: number | null }) | undefined;
  let change: ChangeRow | undefined;
  let format: FormatName = 'num1';
  if (metric === 'index') {
    row = cells.index(where.period, segment, segmentValue);
    change = changeOf('index', '');
  } else if (metric === 'csat') {
    const id = overallId(config);
    const r = id === undefined ? undefined : cells.score(where.period, segment, segmentValue, id);
    row = r && { ...r, value: r.top2, low: r.top2_low, high: r.top2_high };
    change = id ? changeOf('top2', id) : undefined;
    format = 'pct1';
  } else if (metric === 'nps') {
    const r = cells.nps(where.period, segment, segmentValue);
    row = r && { ...r, value: r.nps, low: r.low, high: r.high };
    change = r ? changeOf('nps', r.question) : undefined;
    format = 'num0';
  } else {
    const r = cells.ces(where.period, segment, segmentValue);
    row = r && { ...r, value: r.mean, low: r.mean_low, high: r.mean_high };
    change = r ? changeOf('ces', r.question) : undefined;
    format = 'num2';
  }
  const target = config.targets[metric];
  const comparable = row?.value == null ? null : metric === 'csat' ? row.value * 100 : row.value;
  return {
    metric, period: where.period, format,
    value: row?.value ?? null, low: row?.low ?? null, high: row?.high ?? null,
    n: row?.n ?? 0, suppressed: row?.suppressed ?? true, directional: row?.directional ?? false,
    change, target, met: target === undefined || comparable === null ? undefined : comparable >= target,
  };
}

/** The KPI over every period, for trend charts. */
export function kpiSeries(metrics: SurveyMetrics, config: SurveyConfig, metric: KpiMetric, segment = 'all', segmentValue = 'all'): KpiValue[] {
  return metrics.periods.map((period) => kpiValue(metrics, config, metric, { period, segment, segmentValue }));
}
