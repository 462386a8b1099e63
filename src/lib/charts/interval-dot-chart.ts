/**
 * Ordered groups (satisfaction levels, NPS groups) on x, an estimate with its interval on y:
 * a dot, a vertical rule from low to high, the value printed beside the dot and `n` under each
 * group. Groups without an estimate (suppressed) keep their place with a note instead of a dot.
 * A phone chart, and any chart whose group names would not fit side by side, lays the groups
 * down the side instead.
 */
import * as Plot from '@observablehq/plot';
import { assertUniqueKeys, isFiniteNumber } from './checks';
import { fillTemplate, numberFormat, percentFormat, tickFormat } from './format';
import { INK } from './palette';
import { numericAxisMargin } from './period-axis';
import { FONT_SIZE, PHONE_WIDTH, estimateTextWidth, labelMarginMax, marginForLabels, truncateToWidth } from './text-metrics';

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
  const nText = (r: IntervalDotRow) => fillTemplate(labels.n, { n: nFormat(r.n) });
  const marginRight = 20;
  if (width < PHONE_WIDTH || !namesFitSideBySide(rows, width - marginLeft - marginRight)) return across(rows, shown, hidden, { labels, format, ticks, nText, yDomain, width });
  return {
    width,
    height,
    marginLeft,
    marginRight,
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
      Plot.text(rows, { x: 'label', text: nText, frameAnchor: 'bottom', dy: 30, fill: INK.muted }),
    ],
  };
}

/**
 * Whether the group names fit under their dots: the band scale (padding 0.3 inside and out)
 * puts neighbouring names one step apart, so the widest must fit in a step, with a gap.
 */
function namesFitSideBySide(rows: readonly IntervalDotRow[], plotWidth: number): boolean {
  const step = plotWidth / (rows.length + 0.3);
  return Math.max(0, ...rows.map((r) => estimateTextWidth(r.label))) + 6 <= step;
}

/** The phone layout (and any width where the names would not fit side by side): groups down the left, the estimate across, each value above its dot and n at the right. */
function across(
  rows: readonly IntervalDotRow[],
  shown: Point[],
  hidden: IntervalDotRow[],
  { labels, format, ticks, nText, yDomain, width }: {
    labels: IntervalDotLabels; format: (v: number) => string; ticks: (v: number) => string;
    nText: (r: IntervalDotRow) => string; yDomain?: [number, number]; width: number;
  },
): Plot.PlotOptions {
  const marginLeft = marginForLabels(rows.map((r) => r.label), { max: labelMarginMax(width, 0.45) });
  const marginRight = marginForLabels(rows.map(nText), { min: 0, max: Infinity });
  const rowHeight = 40;
  return {
    width,
    height: 20 + 40 + rowHeight * rows.length,
    marginLeft,
    marginRight,
    marginTop: 20,
    marginBottom: 40,
    y: { type: 'band', domain: rows.map((r) => r.label), label: null, tickSize: 0, padding: 0.3, tickFormat: (d: string) => truncateToWidth(d, marginLeft - 14, FONT_SIZE) },
    x: { label: labels.y, labelArrow: 'none', labelAnchor: 'center', grid: true, domain: yDomain, nice: yDomain === undefined, tickFormat: ticks },
    marks: [
      Plot.ruleY(shown, { y: 'label', x1: 'low', x2: 'high', stroke: INK.primary, strokeWidth: 2 }),
      Plot.tickX(shown, { y: 'label', x: 'low', stroke: INK.primary, strokeWidth: 1.5, inset: 6 }),
      Plot.tickX(shown, { y: 'label', x: 'high', stroke: INK.primary, strokeWidth: 1.5, inset: 6 }),
      Plot.dot(shown, { y: 'label', x: 'value', r: 4.5, fill: INK.primary, stroke: INK.separator, strokeWidth: 1 }),
      Plot.text(shown, { y: 'label', x: 'value', text: (p: Point) => format(p.value), dy: -12, fill: INK.textDark, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(hidden, { y: 'label', text: () => labels.suppressed, frameAnchor: 'middle', fill: INK.muted }),
      Plot.text(rows, { y: 'label', text: nText, frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: INK.muted }),
    ],
  };
}
