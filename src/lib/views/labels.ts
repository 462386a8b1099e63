import type { Locale, SurveyConfig } from '../config/types';
import type { FormatName } from '../format';
import type { MetricId } from '../model/types';

/** How each metric's values and differences print. */
export function metricFormats(metric: MetricId): { value: FormatName; delta: FormatName } {
  switch (metric) {
    case 'top2': case 'csat': case 'easy': case 'outcome': return { value: 'pct1', delta: 'signedPct1' };
    case 'mean': case 'ces': return { value: 'num2', delta: 'signed2' };
    default: return { value: 'num1', delta: 'signed1' };
  }
}

export function questionLabel(config: SurveyConfig, id: string, locale: Locale): string {
  return config.questions.find((q) => q.id === id)?.label[locale] ?? id;
}

/** "label: value" in the locale's punctuation (a full-width colon in Chinese). */
export const labelled = (label: string, value: string, locale: Locale) => `${label}${locale === 'en' ? ': ' : '：'}${value}`;

/** A segment value's display name in the locale (the value itself when the survey gives none). */
export function segmentValueLabel(config: SurveyConfig, segment: string, value: string, locale: Locale): string {
  return config.segments.find((x) => x.id === segment)?.valueLabels[value]?.[locale] ?? value;
}

/** "Plan: Enterprise", or `all` for the overall cell. */
export function segmentLabel(config: SurveyConfig, segment: string, value: string, locale: Locale, all: string): string {
  if (segment === 'all') return all;
  const s = config.segments.find((x) => x.id === segment);
  return labelled(s ? s.label[locale] : segment, segmentValueLabel(config, segment, value, locale), locale);
}
