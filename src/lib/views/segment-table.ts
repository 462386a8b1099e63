import type { SurveyConfig } from '../config/types';
import type { SurveyMetrics } from '../model/build';
import type { GapRow } from '../model/types';
import { cellLookup } from './cell-lookup';
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
  const lookup = cellLookup(metrics);
  const rows: SegmentTableRow[] = [];
  const all = [{ id: 'all', values: ['all'] }, ...metrics.segments];
  for (const seg of all) {
    for (const value of seg.values) {
      const cells = kpis.map((k) => {
        const kpi = kpiValue(metrics, config, k, { period, segment: seg.id, segmentValue: value });
        const gap = lookup.gap(period, seg.id, value, gapMetric[k], k === 'csat' ? overall ?? '' : undefined);
        return { kpi, gap };
      });
      const n = lookup.index(period, seg.id, value)?.n ?? 0;
      if (n > 0 || seg.id === 'all') rows.push({ segment: seg.id, value, n, cells });
    }
  }
  return rows;
}
