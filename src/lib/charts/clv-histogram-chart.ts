/**
 * Distribution of customer lifetime values: a histogram (Plot rectY over binX) with rules at
 * the median and the mean. CLV is long-tailed, so the axis stops at a high quantile and the
 * customers beyond it are counted in the last bar, which a note under the axis says.
 */
import * as Plot from '@observablehq/plot';
import { isFiniteNumber, show } from './checks';
import { fillTemplate, numberFormat, tickFormat } from './format';
import { INK } from './palette';
import { estimateTextWidth } from './text-metrics';

export interface ClvHistogramLabels {
  /** X axis label, e.g. "CLV (CNY)". */
  x: string;
  /** Y axis label, e.g. "Customers". */
  y: string;
  /** Beside the median rule; `{value}` is the formatted median. */
  median: string;
  mean: string;
  /** Under the chart when values were folded into the last bar; `{count}` and `{value}`. */
  overflow: string;
}

export interface ClvHistogramOptions {
  labels: ClvHistogramLabels;
  locale: string;
  /** The axis ends at this quantile of the values (default 0.98). */
  clipQuantile?: number;
  bins?: number;
  width?: number;
  height?: number;
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/** Round bin edges from 0 (or the minimum, when negative) to just past `top`. */
export function binEdges(min: number, top: number, bins: number): number[] {
  const span = top - Math.min(0, min);
  const raw = span / bins;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const start = Math.floor(Math.min(0, min) / step) * step;
  const edges: number[] = [];
  for (let e = start; e < top + step; e += step) edges.push(Number(e.toPrecision(12)));
  if (edges.length < 2) edges.push(start + step);
  return edges;
}

export function clvHistogramChart(
  values: readonly number[],
  { labels, locale, clipQuantile = 0.98, bins = 30, width = 640, height = 260 }: ClvHistogramOptions,
): Plot.PlotOptions {
  if (values.length === 0) throw new Error('clv histogram: no values; expected at least one customer');
  for (const v of values) if (!isFiniteNumber(v)) throw new Error(`clv histogram: invalid value ${show(v)}; expected finite numbers`);
  const sorted = Float64Array.from(values).sort();
  const median = quantile(sorted, 0.5);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  const top = Math.max(quantile(sorted, clipQuantile), mean, median);
  const edges = binEdges(sorted[0], top, bins);
  const last = edges[edges.length - 1];
  // Fold the tail into the last bar: it then counts every customer at or above its start.
  const lastStart = edges[edges.length - 2];
  const beyond = values.filter((v) => v >= last).length;
  const shown = values.map((v) => (v >= last ? (lastStart + last) / 2 : v));
  const format = numberFormat(locale, 0);
  const ticks = tickFormat(locale);
  const medianText = fillTemplate(labels.median, { value: format(median) });
  const meanText = fillTemplate(labels.mean, { value: format(mean) });
  const overflow = beyond > 0 ? fillTemplate(labels.overflow, { count: format(beyond), value: format(lastStart) }) : null;
  // The axis ends on a bin edge, often a tick: half its label stands past the plot's right edge.
  const [marginLeft, marginRight] = [56, Math.max(16, Math.ceil(estimateTextWidth(ticks(last)) / 2) + 2)];
  // The note ends at the right edge, beside the centred axis label; where they would meet (a
  // narrow chart, a long note) it takes its own line under the label.
  const besideLabel = overflow === null
    || width - marginRight - estimateTextWidth(overflow) >= (marginLeft + width - marginRight + estimateTextWidth(labels.x)) / 2 + 8;
  const noteLine = overflow && !besideLabel ? 18 : 0; // a 10 px line and a gap under the label (both bottom-anchored)
  const beside = (v: number) => ((v - edges[0]) / (last - edges[0]) > 0.7 ? { textAnchor: 'end' as const, dx: -3 } : { textAnchor: 'start' as const, dx: 3 });
  return {
    width,
    height: height + (overflow ? 16 : 0) + noteLine,
    marginLeft,
    marginRight,
    marginTop: 30,
    marginBottom: (overflow ? 52 : 36) + noteLine,
    x: { domain: [edges[0], last], label: labels.x, labelArrow: 'none', labelAnchor: 'center', tickFormat: ticks, ...(noteLine ? { labelOffset: 49 } : {}) },
    y: { label: labels.y, labelArrow: 'none', labelAnchor: 'center', grid: true, nice: true, tickFormat: ticks },
    marks: [
      Plot.rectY(shown, Plot.binX<Plot.RectYOptions>({ y: 'count' }, { x: (d: number) => d, thresholds: edges, fill: INK.primaryBand, stroke: INK.primary, strokeWidth: 0.5, insetLeft: 0.5, insetRight: 0.5 })),
      Plot.ruleY([0], { stroke: INK.reference }),
      Plot.ruleX([median], { stroke: INK.reference, strokeWidth: 1.5 }),
      Plot.ruleX([mean], { stroke: INK.alert, strokeWidth: 1.5, strokeDasharray: '5,3' }),
      // Each label starts at its rule (ends there in the right part), above the frame on its own row.
      Plot.text([median], { x: (d: number) => d, text: () => medianText, frameAnchor: 'top', dy: -18, ...beside(median), fill: INK.textDark }),
      Plot.text([mean], { x: (d: number) => d, text: () => meanText, frameAnchor: 'top', dy: -6, ...beside(mean), fill: INK.alert }),
      overflow ? Plot.text([overflow], { text: (d: string) => d, frameAnchor: 'bottom-right', dy: 44 + noteLine, fill: INK.muted }) : null,
    ],
  };
}
