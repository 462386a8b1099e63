/**
 * Horizontal bars with the value printed at each bar's end (driver importance, theme z).
 * The printed values replace an x axis; the x domain is padded so they always fit.
 */
import * as Plot from '@observablehq/plot';
import { assertUniqueKeys, isFiniteNumber, show } from './checks';
import { numberFormat, percentFormat } from './format';
import { INK } from './palette';
import { FONT_SIZE, estimateTextWidth, labelMarginMax, marginForLabels, truncateToWidth } from './text-metrics';

export interface BarRow {
  label: string;
  value: number;
}

export interface BarChartOptions {
  locale: string;
  digits?: number;
  /** "percent" prints 42 as "42%"; values are already in percent units. */
  unit?: 'number' | 'percent';
  /** Largest first (default), or keep the caller's order. */
  sort?: 'descending' | 'none';
  width?: number;
  /** Bar colours above and below zero; default INK.primary and INK.negative. */
  fills?: { positive?: string; negative?: string };
}

const GAP = 4; // px between a bar's end and its value

export function barChart(
  rows: readonly BarRow[],
  { locale, digits = 0, unit = 'number', sort = 'descending', width = 640, fills = {} }: BarChartOptions,
): Plot.PlotOptions {
  for (const r of rows) {
    if (!isFiniteNumber(r.value)) throw new Error(`bar chart: invalid value ${show(r.value)} for "${r.label}"; expected a finite number`);
  }
  assertUniqueKeys(rows, (r) => r.label, (r) => `label "${r.label}"`, 'bar chart');
  const ordered = sort === 'descending' ? [...rows].sort((a, b) => b.value - a.value) : [...rows];
  const format = unit === 'percent' ? percentFormat(locale, digits) : numberFormat(locale, digits);
  const labels = ordered.map((r) => r.label);
  const marginLeft = marginForLabels(labels, { max: labelMarginMax(width, 0.4) });
  const marginRight = 10;
  const domain = paddedDomain(ordered.map((r) => r.value), ordered.map((r) => estimateTextWidth(format(r.value)) + GAP), width - marginLeft - marginRight);
  const positive = ordered.filter((r) => r.value >= 0);
  const negative = ordered.filter((r) => r.value < 0);
  const text = (r: BarRow) => format(r.value);

  return {
    width,
    height: 20 + 24 * ordered.length,
    marginLeft,
    marginRight,
    marginTop: 10,
    marginBottom: 10,
    x: { domain, axis: null },
    y: { domain: labels, label: null, padding: 0.25, tickSize: 0, tickFormat: (d: string) => truncateToWidth(d, marginLeft - 14, FONT_SIZE) },
    marks: [
      Plot.barX(positive, { x: 'value', y: 'label', fill: fills.positive ?? INK.primary }),
      Plot.barX(negative, { x: 'value', y: 'label', fill: fills.negative ?? INK.negative }),
      Plot.ruleX([0], { stroke: INK.reference }),
      Plot.text(positive, { x: 'value', y: 'label', text, textAnchor: 'start', dx: GAP, fill: INK.textDark }),
      Plot.text(negative, { x: 'value', y: 'label', text, textAnchor: 'end', dx: -GAP, fill: INK.textDark }),
    ],
  };
}

/**
 * The x domain whose linear map onto `plotWidth` px leaves room for each label beyond its
 * bar: with a = min(0, values), b = max(0, values) and L, R the widest labels on each side,
 * k = (plotWidth − L − R)/(b − a) px per unit and the domain is [a − L/k, b + R/k].
 */
export function paddedDomain(values: readonly number[], labelWidths: readonly number[], plotWidth: number): [number, number] {
  const a = Math.min(0, ...values);
  let b = Math.max(0, ...values);
  if (!(b - a > 1e-12)) b = a + 1; // all bars ~0: any scale will do, and k stays finite
  const left = Math.max(0, ...values.map((v, i) => (v < 0 ? labelWidths[i] : 0)));
  const right = Math.max(0, ...values.map((v, i) => (v >= 0 ? labelWidths[i] : 0)));
  const k = Math.max(1e-9, plotWidth - left - right) / (b - a);
  return [a - left / k, b + right / k];
}
