import type { Site } from './site';
import { renderChart, renderChartPair, type ChartPair } from '../lib/render/render-svg';
import { trendChart } from '../lib/charts/trend-chart';
import { sparklineChart } from '../lib/charts/sparkline-chart';
import type { KpiValue } from '../lib/views/kpi';

/** Chart glue for pages: model rows → chart options → SVG (at the page's and a phone's width), with the page's language. */
export function kpiTrendCharts(s: Site, series: KpiValue[], title: string, wide = 520): ChartPair {
  const isShare = series[0]?.format === 'pct1';
  const scale = (v: number | null) => (v === null ? null : isShare ? v * 100 : v);
  const target = series[0]?.target;
  return renderChartPair((width) => trendChart(
    series.map((k) => ({ period: k.period, value: scale(k.value), low: scale(k.low), high: scale(k.high), suppressed: k.suppressed })),
    {
      labels: { y: isShare ? `${title} (%)` : title, target: `${s.t('chart.target')} {value}` },
      locale: s.locale,
      target: target ?? null,
      digits: series[0]?.format === 'num2' ? 2 : series[0]?.format === 'num0' ? 0 : 1,
      width,
    },
  ), { title, description: s.t('chart.trendDesc', { metric: title }), lang: s.locale }, { wide });
}

export function sparklineSvg(s: Site, series: KpiValue[], title: string): string {
  return renderChart(sparklineChart(series.map((k) => ({ period: k.period, value: k.value, suppressed: k.suppressed }))), {
    title, description: s.t('chart.trendDesc', { metric: title }), lang: s.locale,
  });
}
