/**
 * Diverging stacked bars for a K-point scale (Robbins & Heiberger 2011, "Plotting Likert
 * and other rating scales"): negative levels left of zero, positive right, the neutral
 * level split half and half across zero; rows sorted by % positive; n at each row's end.
 */
import * as Plot from '@observablehq/plot';
import { show } from './checks';
import { fillTemplate, numberFormat, percentFormat } from './format';
import { INK, divergingPalette } from './palette';
import { FONT_SIZE, estimateTextWidth, labelMarginMax, marginForLabels, truncateToWidth } from './text-metrics';

export interface LikertRow {
  item: string;
  /** Scale level, ordered from most negative (lowest) to most positive (highest). */
  level: number;
  levelLabel: string;
  count: number;
}

export interface LikertChartLabels {
  /** Text after each row; `{n}` is replaced by the item's number of answers, e.g. "n={n}". */
  n: string;
  /** Optional x axis label, e.g. "% of answers". */
  x?: string;
}

export interface LikertChartOptions {
  labels: LikertChartLabels;
  locale: string;
  /** The neutral level; defaults to the middle level of an odd scale, none for an even one. */
  neutral?: number | null;
  width?: number;
}

export interface LikertSegment {
  item: string;
  level: number;
  levelLabel: string;
  percent: number;
  x1: number;
  x2: number;
}

export interface LikertItemSummary {
  item: string;
  n: number;
  positive: number;
  negative: number;
}

export interface LikertLayout {
  levels: { level: number; label: string }[];
  neutral: number | null;
  items: LikertItemSummary[];
  segments: LikertSegment[];
}

export function likertChart(rows: readonly LikertRow[], { labels, locale, neutral, width = 640 }: LikertChartOptions): Plot.PlotOptions {
  const layout = likertLayout(rows, neutral);
  const palette = divergingPalette(layout.levels.length);
  const itemNames = layout.items.map((i) => i.item);
  const nText = new Map(layout.items.map((i) => [i.item, fillTemplate(labels.n, { n: numberFormat(locale)(i.n) })]));
  const marginLeft = marginForLabels(itemNames, { max: labelMarginMax(width, 0.35) });
  const marginRight = marginForLabels([...nText.values()], { min: 0, max: Infinity });
  const extent = Math.max(...layout.segments.flatMap((s) => [Math.abs(s.x1), Math.abs(s.x2)]));
  const edge = Math.min(100, Math.max(25, Math.ceil(extent / 25) * 25));
  const pct = percentFormat(locale);
  const rowHeight = 26;

  return {
    width,
    height: 10 + 36 + rowHeight * itemNames.length,
    marginLeft,
    marginRight,
    marginTop: 10,
    marginBottom: 36,
    x: {
      domain: [-edge, edge],
      ticks: range(-edge, edge, shareTickStep(edge, width - marginLeft - marginRight, estimateTextWidth(pct(100)))),
      tickFormat: (d: number) => pct(Math.abs(d)),
      label: labels.x ?? null,
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
    },
    y: {
      domain: itemNames,
      label: null,
      padding: 0.2,
      tickSize: 0,
      tickFormat: (d: string) => truncateToWidth(d, marginLeft - 14, FONT_SIZE),
    },
    color: { type: 'ordinal', domain: layout.levels.map((l) => l.label), range: [...palette], legend: true },
    marks: [
      Plot.barX(layout.segments, { x1: 'x1', x2: 'x2', y: 'item', fill: 'levelLabel', stroke: INK.separator, strokeWidth: 1 }),
      Plot.ruleX([0], { stroke: INK.reference, strokeWidth: 1.5 }),
      Plot.text(itemNames, { y: (d: string) => d, text: (d: string) => nText.get(d)!, frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: INK.textDark }),
    ],
  };
}

/** Percentages and bar extents, with no rendering; exported so tests can check the geometry. */
export function likertLayout(rows: readonly LikertRow[], neutralOption?: number | null): LikertLayout {
  const levelLabels = new Map<number, string>();
  const counts = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (!Number.isFinite(row.level)) throw new Error(`likert chart: invalid level ${show(row.level)} for item "${row.item}"`);
    if (!(Number.isFinite(row.count) && row.count >= 0)) {
      throw new Error(`likert chart: invalid count ${show(row.count)} for item "${row.item}", level ${row.level}; expected a number ≥ 0`);
    }
    const known = levelLabels.get(row.level);
    if (known !== undefined && known !== row.levelLabel) {
      throw new Error(`likert chart: level ${row.level} is labelled both "${known}" and "${row.levelLabel}"`);
    }
    levelLabels.set(row.level, row.levelLabel);
    const byLevel = counts.get(row.item) ?? new Map<number, number>();
    byLevel.set(row.level, (byLevel.get(row.level) ?? 0) + row.count);
    counts.set(row.item, byLevel);
  }
  const levels = [...levelLabels].sort((a, b) => a[0] - b[0]).map(([level, label]) => ({ level, label }));
  divergingPalette(levels.length); // validates K
  const neutral = neutralOption === undefined ? (levels.length % 2 === 1 ? levels[(levels.length - 1) / 2].level : null) : neutralOption;
  if (neutral !== null && !levelLabels.has(neutral)) {
    throw new Error(`likert chart: neutral level ${neutral} is not one of the levels ${levels.map((l) => l.level).join(', ')}`);
  }
  const half = levels.length / 2;
  const isNegative = (index: number, level: number) => (neutral === null ? index < half : level < neutral);
  const isPositive = (index: number, level: number) => (neutral === null ? index >= half : level > neutral);

  const items: LikertItemSummary[] = [];
  const segments: LikertSegment[] = [];
  for (const [item, byLevel] of counts) {
    const n = [...byLevel.values()].reduce((a, b) => a + b, 0);
    if (n === 0) throw new Error(`likert chart: item "${item}" has no answers`);
    const percent = levels.map(({ level }) => ((byLevel.get(level) ?? 0) / n) * 100);
    const neutralPct = neutral === null ? 0 : percent[levels.findIndex((l) => l.level === neutral)];
    const segment = (i: number, x1: number, x2: number): LikertSegment =>
      ({ item, level: levels[i].level, levelLabel: levels[i].label, percent: percent[i], x1, x2 });
    const halfNeutral = neutralPct / 2;
    let left = 0 - halfNeutral; // not -halfNeutral, which is −0 without a neutral level
    let right = halfNeutral;
    let positive = 0;
    let negative = 0;
    // Walk outwards from the centre so the mildest levels sit next to zero.
    for (let i = levels.length - 1; i >= 0; i--) {
      if (!isNegative(i, levels[i].level)) continue;
      segments.push(segment(i, left, left - percent[i]));
      left -= percent[i];
      negative += percent[i];
    }
    if (neutral !== null) {
      const i = levels.findIndex((l) => l.level === neutral);
      segments.push(segment(i, 0 - halfNeutral, halfNeutral));
    }
    for (let i = 0; i < levels.length; i++) {
      if (!isPositive(i, levels[i].level)) continue;
      segments.push(segment(i, right, right + percent[i]));
      right += percent[i];
      positive += percent[i];
    }
    items.push({ item, n, positive, negative });
  }
  items.sort((a, b) => b.positive - a.positive || a.negative - b.negative || compareCodePoints(a.item, b.item));
  return { levels, neutral, items, segments };
}

/**
 * Ticks every 25 % when their labels keep 6 px apart, else the next step that still has ticks at
 * 0 and ±edge (a phone chart needs 50 or 100).
 */
export function shareTickStep(edge: number, plotWidth: number, labelWidth: number): number {
  const steps = [25, 50, 100].filter((step) => step < edge && edge % step === 0);
  return steps.find((step) => (plotWidth * step) / (2 * edge) >= labelWidth + 6) ?? edge;
}

function range(start: number, stop: number, step: number): number[] {
  const out: number[] = [];
  for (let v = start; v <= stop + 1e-9; v += step) out.push(v);
  return out;
}

/** Locale-free ordering so the same data sorts the same everywhere. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
