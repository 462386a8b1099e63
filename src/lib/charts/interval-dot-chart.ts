/**
 * Ordered groups (satisfaction levels, NPS groups) on x, an estimate with its interval on y:
 * a dot, a vertical rule from low to high, the value printed beside the dot and `n` under each
 * group. Groups without an estimate (suppressed) keep their place with a note instead of a dot.
 */
import * as Plot from '@observablehq/plot';
import { assertUniqueKeys, isFiniteNumber } from './checks';
import { fillTemplate, numberFormat, percentFormat, tickFormat } from './format';
import { INK } from './palette';
import { numericAxisMargin } from './period-axis';

export interface IntervalDotRow {
  label: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
  n: number;
}

export interface IntervalDotLabels {
  /** Y axis label. */
  y: string;
  /** Under each group; `{n}` is its size. */
  n: string;
  /** In place of a suppressed group's dot. */
  suppressed: string;
}

export interface IntervalDotOptions {
  labels: IntervalDotLabels;
  locale: string;
  /** "percent" prints 42 as "42%"; values are already in percent units. */
  unit?: 'number' | 'percent';
  digits?: number;
  yDomain?: [number, number];
  width?: number;
  height?: number;
}

interface Point {
  label: string;
  value: number;
  low: number;
  high: number;
}

export function intervalDotChart(
  rows: readonly IntervalDotRow[],
  { labels, locale, unit = 'number', digits = 0, yDomain, width = 640, height = 260 }: IntervalDotOptions,
): Plot.PlotOptions {
  assertUniqueKeys(rows, (r) => r.label, (r) => `group "${r.label}"`, 'interval dot chart');
  const shown: Point[] = rows
    .filter((r) => isFiniteNumber(r.value))
    .map((r) => ({ label: r.label, value: r.value!, low: isFiniteNumber(r.low) ? r.low : r.value!, high: isFiniteNumber(r.high) ? r.high : r.value! }));
  const hidden = rows.filter((r) => !isFiniteNumber(r.value));
  const format = unit === 'percent' ? percentFormat(locale, digits) : numberFormat(locale, digits);
  const ticks = unit === 'percent' ? (v: number) => percentFormat(locale, 0)(v) : tickFormat(locale);
  const marginLeft = numericAxisMargin([...shown.flatMap((p) => [p.low, p.high]), ...(yDomain ?? [])], ticks);
  const nFormat = numberFormat(locale, 0);
  return {
    width,
    height,
    marginLeft,
    marginRight: 20,
    marginTop: 20,
    marginBottom: 44,
    x: { type: 'band', domain: rows.map((r) => r.label), label: null, tickSize: 0, padding: 0.3 },
    y: { label: labels.y, labelArrow: 'none', grid: true, domain: yDomain, nice: yDomain === undefined, tickFormat: ticks },
    marks: [
      Plot.ruleX(shown, { x: 'label', y1: 'low', y2: 'high', stroke: INK.primary, strokeWidth: 2 }),
      Plot.tickY(shown, { x: 'label', y: 'low', stroke: INK.primary, strokeWidth: 1.5, inset: 14 }),
      Plot.tickY(shown, { x: 'label', y: 'high', stroke: INK.primary, strokeWidth: 1.5, inset: 14 }),
      Plot.dot(shown, { x: 'label', y: 'value', r: 4.5, fill: INK.primary, stroke: INK.separator, strokeWidth: 1 }),
      Plot.text(shown, { x: 'label', y: 'value', text: (p: Point) => format(p.value), textAnchor: 'start', dx: 10, fill: INK.textDark, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(hidden, { x: 'label', text: () => labels.suppressed, frameAnchor: 'middle', fill: INK.muted }),
      Plot.text(rows, { x: 'label', text: (r: IntervalDotRow) => fillTemplate(labels.n, { n: nFormat(r.n) }), frameAnchor: 'bottom', dy: 30, fill: INK.muted }),
    ],
  };
}
