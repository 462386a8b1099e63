/**
 * Item × segment cells, the value printed in each; suppressed cells are hatched with a
 * small-base note. Sequential light→dark blue in HCL (lightness falls evenly), so greyscale keeps the order.
 */
import * as Plot from '@observablehq/plot';
import { numberFormat } from './format';
import { HATCH, HATCH_FILL, INK, SEQUENTIAL } from './palette';
import { assertUniqueKeys, isFiniteNumber } from './checks';
import { FONT_SIZE, estimateTextWidth, labelMarginMax, marginForLabels, truncateToWidth } from './text-metrics';

export interface HeatmapRow {
  item: string;
  segment: string;
  /** The cell's value; ignored when suppressed. */
  value: number | null;
  /** True when the base is too small to publish (the caller decides the rule). */
  suppressed?: boolean;
}

export interface HeatmapChartLabels {
  /** Text in a suppressed cell, e.g. "n<5". */
  suppressed: string;
}

export interface HeatmapChartOptions {
  labels: HeatmapChartLabels;
  locale: string;
  digits?: number;
  /** Colour domain; defaults to the extent of the shown values. */
  domain?: [number, number];
  width?: number;
}

interface Cell {
  item: string;
  segment: string;
  value: number;
}

/** Above this share of the colour ramp the cell is dark enough to need white text. */
const DARK_FROM = 0.55;

export function heatmapChart(
  rows: readonly HeatmapRow[],
  { labels, locale, digits = 0, domain, width = 640 }: HeatmapChartOptions,
): Plot.PlotOptions {
  assertUniqueKeys(rows, (r) => JSON.stringify([r.item, r.segment]), (r) => `item "${r.item}" in segment "${r.segment}"`, 'heatmap chart');
  const items = unique(rows.map((r) => r.item));
  const segments = unique(rows.map((r) => r.segment));
  const shown: Cell[] = rows.filter((r) => r.suppressed !== true && isFiniteNumber(r.value)).map((r) => ({ item: r.item, segment: r.segment, value: r.value! }));
  const hidden = rows.filter((r) => r.suppressed === true);
  const [lo, hi] = domain ?? extent(shown.map((c) => c.value));
  const isDark = (c: Cell) => hi > lo && (c.value - lo) / (hi - lo) > DARK_FROM;
  const format = numberFormat(locale, digits);

  const marginLeft = marginForLabels(items, { max: labelMarginMax(width, 0.35) });
  const { rotate, marginTop, marginRight } = segmentAxisLayout(segments, width - marginLeft);
  const rowHeight = 28;

  return {
    width,
    height: marginTop + 10 + rowHeight * items.length,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: 10,
    x: {
      domain: segments,
      axis: 'top',
      tickSize: 0,
      label: null,
      tickRotate: rotate ? -45 : 0,
      tickFormat: (d: string) => (rotate ? truncateToWidth(d, MAX_SEGMENT_LABEL) : d),
    },
    y: { domain: items, label: null, tickSize: 0, tickFormat: (d: string) => truncateToWidth(d, marginLeft - 14, FONT_SIZE) },
    color: { type: 'linear', domain: [lo, hi], range: [SEQUENTIAL.light, SEQUENTIAL.dark], interpolate: 'hcl' },
    marks: [
      Plot.cell(shown, { x: 'segment', y: 'item', fill: 'value', stroke: INK.separator, strokeWidth: 1 }),
      Plot.cell(hidden, { x: 'segment', y: 'item', fill: HATCH_FILL, stroke: INK.separator, strokeWidth: 1 }),
      Plot.text(shown.filter((c) => !isDark(c)), { x: 'segment', y: 'item', text: (c: Cell) => format(c.value), fill: INK.textDark }),
      Plot.text(shown.filter(isDark), { x: 'segment', y: 'item', text: (c: Cell) => format(c.value), fill: INK.textLight }),
      Plot.text(hidden, { x: 'segment', y: 'item', text: () => labels.suppressed, fill: INK.textDark, stroke: HATCH.background, strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  };
}

const MAX_SEGMENT_LABEL = 180;
const COS45 = Math.SQRT1_2;

/**
 * Segment names sit flat above the columns when they fit, else rotated −45°. A rotated
 * name runs up and to the right from its column's centre, so the right margin must take
 * the last one's overhang: w·cos 45° − band/2 (a few passes, as the band shrinks with it).
 */
function segmentAxisLayout(segments: string[], available: number): { rotate: boolean; marginTop: number; marginRight: number } {
  const widths = segments.map((s) => estimateTextWidth(s));
  const flatBand = (available - 10) / Math.max(1, segments.length);
  if (Math.max(0, ...widths) <= flatBand - 4) return { rotate: false, marginTop: 28, marginRight: 10 };
  const rotated = widths.map((w) => Math.min(w, MAX_SEGMENT_LABEL) * COS45);
  let marginRight = 10;
  for (let pass = 0; pass < 3; pass++) {
    const band = (available - marginRight) / segments.length;
    marginRight = Math.max(10, Math.ceil(rotated[rotated.length - 1] - band / 2 + 6));
  }
  return { rotate: true, marginTop: Math.ceil(Math.max(...rotated)) + 20, marginRight };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function extent(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  return [Math.min(...values), Math.max(...values)];
}
