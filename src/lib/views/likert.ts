import type { Locale, SurveyConfig } from '../config/types';
import type { SurveyMetrics } from '../model/build';
import type { LikertRow } from '../charts/likert-chart';

/** Likert chart rows (one per item × level) for the rated items of one cell. */
export function likertRows(metrics: SurveyMetrics, config: SurveyConfig, locale: Locale, period: string, questions?: string[], segment = 'all', segmentValue = 'all'): LikertRow[] {
  const rows: LikertRow[] = [];
  for (const q of config.questions) {
    if (questions ? !questions.includes(q.id) : q.role !== 'indicator' && q.role !== 'overall') continue;
    const s = metrics.scores.find((r) => r.period === period && r.segment === segment && r.segment_value === segmentValue && r.question === q.id);
    if (!s || s.suppressed || s.n === 0) continue;
    s.counts.forEach((count, i) => rows.push({ item: q.label[locale], level: q.scale.min + i, levelLabel: q.scale.levelLabels[locale][i], count }));
  }
  return rows;
}
