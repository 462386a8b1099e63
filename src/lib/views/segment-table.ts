import type { SurveyConfig } from '../config/types';
import type { SurveyMetrics } from '../model/build';
import type { GapRow } from '../model/types';
import { availableKpis, kpiValue, type KpiMetric, type KpiValue } from './kpi';

export interface SegmentTableRow {
  segment: string;
  value: string;
  n: number;
  cells: { kpi: KpiValue; gap?: GapRow }[];
}

const gapMetric: Record<KpiMetric, string> = { index: 'index', csat: 'top2', nps: 'nps', ces: 'ces' };

/** Every segment value of a period with its KPIs and their gap against the rest. */
export function segmentTableRows(metrics: SurveyMetrics, config: SurveyConfig, period: string): SegmentTableRow[] {
  const kpis = availableKpis(config);
  const overall = config.questions.find((q) => q.role === 'overall')?.id;
  const rows: SegmentTableRow[] = [];
  const all = [{ id: 'all', values: ['all'] }, ...metrics.segments];
  for (const seg of all) {
    for (const value of seg.values) {
      const cells = kpis.map((k) => {
        const kpi = kpiValue(metrics, config, k, { period, segment: seg.id, segmentValue: value });
        const gap = metrics.gaps.find((g) => g.period === period && g.segment === seg.id && g.segment_value === value && g.metric === gapMetric[k] && (k !== 'csat' || g.question === overall));
        return { kpi, gap };
      });
      const n = metrics.index.find((r) => r.period === period && r.segment === seg.id && r.segment_value === value)?.n ?? 0;
      if (n > 0 || seg.id === 'all') rows.push({ segment: seg.id, value, n, cells });
    }
  }
  return rows;
}
