/** A metric over periods: interval band, line and dots, optional target rule. */
import * as Plot from '@observablehq/plot';
import { fillTemplate, numberFormat, tickFormat } from './format';
import { INK } from './palette';
import { isFiniteNumber } from './checks';
import { numericAxisMargin, periodDomain, periodTicks } from './period-axis';
import { estimateTextWidth } from './text-metrics';

export interface TrendRow {
  period: string;
  /** The metric; null when there is no estimate for the period. */
  value: number | null;
  /** Interval bounds (e.g. a 95% CI); omit or null for no band at this period. */
  low?: number | null;
  high?: number | null;
  /** True when the period is hidden for a small base; its point is left out. */
  suppressed?: boolean;
}

export interface TrendChartLabels {
  /** Y axis label, e.g. "NPS" or "满意度 (0–100)". */
  y: string;
  /** Text beside the target rule; `{value}` is replaced by the formatted target. */
  target?: string;
}

export interface TrendChartOptions {
  labels: TrendChartLabels;
  locale: string;
  target?: number | null;
  yDomain?: [number, number];
  /** Decimals for printed values. */
  digits?: number;
  /** Print each value above its dot; default when there are at most 12 periods and the values fit side by side. */
  valueLabels?: boolean;
  width?: number;
  height?: number;
}

interface TrendPoint {
  period: string;
  value: number;
  low: number;
  high: number;
}

export function trendChart(
  rows: readonly TrendRow[],
  { labels, locale, target = null, yDomain, digits = 0, valueLabels, width = 640, height = 280 }: TrendChartOptions,
): Plot.PlotOptions {
  const periods = periodDomain(rows, 'trend chart');
  const points = rows.map(trendPoint);
  const shown = points.filter((p) => Number.isFinite(p.value));
  const format = numberFormat(locale, digits);
  const targetText = isFiniteNumber(target) && labels.target ? fillTemplate(labels.target, { value: format(target) }) : null;
  const ticks = tickFormat(locale);
  const marginLeft = numericAxisMargin([...points.flatMap((p) => [p.value, p.low, p.high]), ...(yDomain ?? []), target ?? NaN], ticks);
  const marginRight = targetText ? Math.ceil(estimateTextWidth(targetText)) + 12 : 20;
  const plotWidth = width - marginLeft - marginRight;
  // A point scale gives each period plotWidth / n px; neighbours' values must not touch.
  const valuesFit = Math.max(0, ...shown.map((p) => estimateTextWidth(format(p.value)))) + 4 <= plotWidth / periods.length;

  return {
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 24,
    x: { type: 'point', domain: periods, label: null, ticks: periodTicks(periods, plotWidth) },
    y: {
      label: labels.y,
      labelArrow: 'none',
      grid: true,
      domain: yDomain,
      nice: yDomain === undefined,
      tickFormat: ticks,
    },
    marks: [
      Plot.areaY(points, { x: 'period', y1: 'low', y2: 'high', fill: INK.primaryBand, fillOpacity: 0.45, curve: 'linear' }),
      isFiniteNumber(target) ? Plot.ruleY([target], { stroke: INK.alert, strokeDasharray: '5,3', strokeWidth: 1.5 }) : null,
      targetText
        ? Plot.text([target], { y: (d: number) => d, text: () => targetText, frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: INK.alert })
        : null,
      Plot.lineY(points, { x: 'period', y: 'value', stroke: INK.primary, strokeWidth: 2 }),
      Plot.dot(shown, { x: 'period', y: 'value', r: 3.5, fill: INK.primary, stroke: INK.separator, strokeWidth: 1 }),
      (valueLabels ?? (periods.length <= 12 && valuesFit))
        ? Plot.text(shown, { x: 'period', y: 'value', text: (p: TrendPoint) => format(p.value), dy: -10, fill: INK.textDark, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' })
        : null,
    ],
  };
}

/** NaN breaks Plot's line and area, which is how gaps (suppressed or missing) are drawn. */
function trendPoint(row: TrendRow): TrendPoint {
  const hidden = row.suppressed === true;
  const num = (v: number | null | undefined) => (!hidden && isFiniteNumber(v) ? v : NaN);
  return { period: row.period, value: num(row.value), low: num(row.low), high: num(row.high) };
}
