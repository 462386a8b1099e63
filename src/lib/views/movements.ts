import type { SurveyMetrics } from '../model/build';
import type { ChangeRow } from '../model/types';

/**
 * The largest significant changes into `period`, comparable across metrics by their
 * standardised size (|Δ| over the half-width of its interval). One row per question and cell:
 * a question's mean and top-2-box moving together are one movement, not two.
 */
export function biggestMovements(metrics: SurveyMetrics, period: string, count: number): ChangeRow[] {
  const size = (c: ChangeRow) => Math.abs(c.delta) / Math.max(1e-12, (c.delta_high - c.delta_low) / 2);
  const seen = new Set<string>();
  return metrics.changes
    .filter((c) => c.period_to === period && c.significant)
    .sort((a, b) => size(b) - size(a) || cmp(a.metric + a.question + a.segment + a.segment_value, b.metric + b.question + b.segment + b.segment_value))
    .filter((c) => {
      const key = `${c.question}\u0000${c.segment}\u0000${c.segment_value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, count);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
