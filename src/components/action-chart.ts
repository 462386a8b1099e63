import type { Site } from './site';
import type { ActionResult } from '../lib/analysis/actions/types';
import { actionMetric } from '../lib/analysis/actions/action-metric';
import { beforeAfterChart } from '../lib/charts/before-after-chart';
import { renderChartPair, type ChartPair } from '../lib/render/render-svg';
import { questionLabel } from '../lib/views/labels';

const KPI = ['index', 'csat', 'nps', 'ces'] as const;

/** "客服响应速度 (0–100)", "CSAT (%)", "NPS": the targeted metric with its display unit. */
export function actionMetricLabel(s: Site, a: ActionResult): string {
  const metric = actionMetric(s.model.config, a.question);
  const name = (KPI as readonly string[]).includes(a.question) ? s.t(`kpi.${a.question as (typeof KPI)[number]}`) : questionLabel(s.model.config, a.question, s.locale);
  const unit = metric?.kind === 'score100' ? ' (0–100)' : metric?.kind === 'csat' || metric?.kind === 'outcome' ? ' (%)' : '';
  return `${name}${unit}`;
}

/**
 * The small trend of the targeted metric with the action's start and done marked; null when the
 * start is outside the data. The phone copy is 320 px: a card's padding leaves ~324 px of a 390 px phone.
 */
export function actionCharts(s: Site, a: ActionResult): ChartPair | null {
  const periods = a.trend.map((p) => p.period);
  if (a.start_period === null || !periods.includes(a.start_period)) return null;
  const done = a.done_period !== null && periods.includes(a.done_period) ? a.done_period : null;
  const metric = actionMetricLabel(s, a);
  const start = a.start_period;
  return renderChartPair((width) => beforeAfterChart(a.trend.map((p) => ({ period: p.period, value: p.value, suppressed: p.suppressed })), {
    labels: { y: metric, start: s.t('actions.chartStart'), done: s.t('actions.chartDone') },
    locale: s.locale, start, done, width, height: 190, yDomain: yDomain(a, metric.endsWith('(0–100)') || metric.endsWith('(%)') ? 20 : undefined),
  }), {
    title: `${a.id} · ${a.title}`,
    description: s.t('actions.chartDesc', { metric, start, done: done ?? '–' }),
    lang: s.locale,
  }, { wide: 520, narrow: 320 });
}

/**
 * At least `span` units tall (centred on the values, within 0–100), so sampling noise of a
 * point or two does not fill the chart and look like a movement; undefined lets Plot choose.
 */
function yDomain(a: ActionResult, span: number | undefined): [number, number] | undefined {
  const values = a.trend.flatMap((p) => (p.value === null || p.suppressed ? [] : [p.value]));
  if (span === undefined || values.length === 0) return undefined;
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (hi - lo >= span) return undefined;
  const mid = (lo + hi) / 2;
  const low = Math.max(0, Math.min(100 - span, mid - span / 2));
  return [low, low + span];
}
