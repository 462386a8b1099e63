import type { Site } from './site';
import { renderChart } from '../lib/render/render-svg';
import { trendChart } from '../lib/charts/trend-chart';
import { sparklineChart } from '../lib/charts/sparkline-chart';
import type { KpiValue } from '../lib/views/kpi';

/** Chart glue for pages: model rows → chart options → SVG, with the page's language. */
export function kpiTrendSvg(s: Site, series: KpiValue[], title: string, width = 520): string {
  const isShare = series[0]?.format === 'pct1';
  const scale = (v: number | null) => (v === null ? null : isShare ? v * 100 : v);
  const target = series[0]?.target;
  const options = trendChart(
    series.map((k) => ({ period: k.period, value: scale(k.value), low: scale(k.low), high: scale(k.high), suppressed: k.suppressed })),
    {
      labels: { y: isShare ? `${title} (%)` : title, target: `${s.t('chart.target')} {value}` },
      locale: s.locale,
      target: target ?? null,
      digits: series[0]?.format === 'num2' ? 2 : series[0]?.format === 'num0' ? 0 : 1,
      width,
    },
  );
  return renderChart(options, { title, description: s.t('chart.trendDesc', { metric: title }), lang: s.locale });
}

export function sparklineSvg(s: Site, series: KpiValue[], title: string): string {
  return renderChart(sparklineChart(series.map((k) => ({ period: k.period, value: k.value, suppressed: k.suppressed }))), {
    title, description: s.t('chart.trendDesc', { metric: title }), lang: s.locale,
  });
}
