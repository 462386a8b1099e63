import type { SurveyMetrics } from './build';
import type { DriverRow } from './drivers';

/**
 * The driver scope to show for a period: the period itself when its fit is stable, else the
 * pooled last N periods (when the period is among them), else the total.
 */
export function driverScope(metrics: SurveyMetrics, period: string, segment = 'all', segmentValue = 'all'): { scope: string; rows: DriverRow[] } {
  const of = (scope: string) => metrics.drivers.filter((d) => d.period === scope && d.segment === segment && d.segment_value === segmentValue);
  const pooled = [...new Set(metrics.drivers.map((d) => d.period))].find((p) => p.includes('..'));
  const candidates = [period, ...(pooled && period === metrics.latest ? [pooled] : []), 'total'];
  for (const scope of candidates) {
    const rows = of(scope);
    if (rows.length > 0 && !rows[0].unstable) return { scope, rows };
  }
  return { scope: period, rows: of(period) };
}

/** The top `count` pain points (quadrant "concentrate here", in priority order). */
export function painPoints(rows: DriverRow[], count: number): DriverRow[] {
  return rows.filter((r) => r.quadrant === 'concentrate').sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0)).slice(0, count);
}
