/**
 * Importance–performance analysis (Martilla & James 1977): importance (% of R²) across,
 * performance (0–100) up, cross-hairs at the means, the quadrant names in the corners and
 * each item named beside its point without overlaps (see label-placement.ts).
 */
import * as Plot from '@observablehq/plot';
import { assertUniqueKeys, isFiniteNumber, show } from './checks';
import { tickFormat } from './format';
import { type Box, type PlacedLabel, nearestPointOnBox, placeLabels } from './label-placement';
import { INK } from './palette';
import { FONT_SIZE, estimateTextWidth, truncateToWidth } from './text-metrics';

export interface IpaRow {
  item: string;
  /** Share of explained variance, % of R² (0–100). */
  importance: number;
  /** Performance score on 0–100 (or the chosen performance domain). */
  performance: number;
}

export interface IpaChartLabels {
  x: string;
  y: string;
  quadrants: {
    /** High importance, low performance: the pain points to act on first. */
    concentrate: string;
    /** High importance, high performance. */
    keepUp: string;
    /** Low importance, low performance. */
    lowPriority: string;
    /** Low importance, high performance. */
    overkill: string;
  };
}

export interface IpaChartOptions {
  labels: IpaChartLabels;
  locale: string;
  /** Cross-hair positions; default to the means of the rows. */
  means?: { importance: number; performance: number };
  performanceDomain?: [number, number];
  width?: number;
  height?: number;
}

export interface IpaPoint extends IpaRow {
  px: number;
  py: number;
  concentrate: boolean;
  label: string;
}

export interface IpaLayout {
  frame: Box;
  margins: { top: number; right: number; bottom: number; left: number };
  xDomain: [number, number];
  yDomain: [number, number];
  means: { importance: number; performance: number };
  points: IpaPoint[];
  corners: { key: keyof IpaChartLabels['quadrants']; text: string; box: Box }[];
  labels: PlacedLabel[];
}

const DOT_RADIUS = 4;
const LABEL_HEIGHT = FONT_SIZE * 1.2;
const CORNER_INSET = 4;
const MAX_LABEL_WIDTH = 160;

export function ipaChart(rows: readonly IpaRow[], options: IpaChartOptions): Plot.PlotOptions {
  const layout = ipaLayout(rows, options);
  const { frame, margins, xDomain, yDomain, means, points, corners } = layout;
  const { width = 640, height = 440, labels, locale } = options;
  const byId = new Map(points.map((p) => [p.item, p]));
  const leaders = layout.labels.filter((l) => l.leader).map((l) => {
    const p = byId.get(l.id)!;
    const [x2, y2] = nearestPointOnBox(l.box, p.px, p.py);
    return { x1: p.px, y1: p.py, x2, y2 };
  });
  const px = (key: string) => ({ value: key, scale: null });
  const cornerMark = (i: number, frameAnchor: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right') => {
    const c = corners[i];
    const left = frameAnchor.endsWith('left');
    const top = frameAnchor.startsWith('top');
    return Plot.text([c.text], {
      frameAnchor,
      text: (d: string) => d,
      textAnchor: left ? 'start' : 'end',
      lineAnchor: top ? 'top' : 'bottom',
      dx: left ? CORNER_INSET : -CORNER_INSET,
      dy: top ? CORNER_INSET : -CORNER_INSET,
      fill: c.key === 'concentrate' ? INK.alert : INK.muted,
      fontWeight: c.key === 'concentrate' ? 'bold' : 'normal',
    });
  };

  return {
    width,
    height,
    marginTop: margins.top,
    marginRight: margins.right,
    marginBottom: margins.bottom,
    marginLeft: margins.left,
    x: { domain: xDomain, range: [frame.x0, frame.x1], label: labels.x, labelAnchor: 'center', labelArrow: 'none', tickFormat: tickFormat(locale) },
    y: { domain: yDomain, range: [frame.y1, frame.y0], label: labels.y, labelAnchor: 'center', labelArrow: 'none', tickFormat: tickFormat(locale) },
    marks: [
      Plot.frame({ stroke: INK.frame }),
      Plot.ruleX([means.importance], { stroke: INK.reference, strokeDasharray: '4,3' }),
      Plot.ruleY([means.performance], { stroke: INK.reference, strokeDasharray: '4,3' }),
      cornerMark(0, 'top-left'),
      cornerMark(1, 'top-right'),
      cornerMark(2, 'bottom-left'),
      cornerMark(3, 'bottom-right'),
      Plot.link(leaders, { x1: px('x1'), y1: px('y1'), x2: px('x2'), y2: px('y2'), stroke: INK.muted, strokeWidth: 0.75 }),
      Plot.dot(points.filter((p) => !p.concentrate), { x: 'importance', y: 'performance', r: DOT_RADIUS, fill: INK.primary, stroke: INK.separator }),
      // Pain points differ by shape as well as colour, so they survive greyscale.
      Plot.dot(points.filter((p) => p.concentrate), { x: 'importance', y: 'performance', r: DOT_RADIUS + 1, symbol: 'diamond', fill: INK.alert, stroke: INK.separator }),
      Plot.text(layout.labels, {
        x: px('textX'),
        y: px('textY'),
        text: (l: PlacedLabel) => byId.get(l.id)!.label,
        textAnchor: 'start',
        lineAnchor: 'middle',
        fill: INK.textDark,
        // A white halo keeps names readable where they cross the mean rules or a leader.
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

/** Scales, quadrant-note boxes and label boxes in px, computed before Plot renders. */
export function ipaLayout(
  rows: readonly IpaRow[],
  { labels, means: meansOption, performanceDomain = [0, 100], width = 640, height = 440 }: IpaChartOptions,
): IpaLayout {
  if (rows.length === 0) throw new Error('IPA chart: no items to plot');
  assertUniqueKeys(rows, (r) => r.item, (r) => `item "${r.item}"`, 'IPA chart');
  const [yLo, yHi] = performanceDomain;
  for (const r of rows) {
    if (!isFiniteNumber(r.importance) || r.importance < 0) {
      throw new Error(`IPA chart: importance ${show(r.importance)} for "${r.item}" is invalid; expected a number ≥ 0 (% of R²)`);
    }
    if (!isFiniteNumber(r.performance) || r.performance < yLo || r.performance > yHi) {
      throw new Error(`IPA chart: performance ${show(r.performance)} for "${r.item}" is outside ${yLo}–${yHi}`);
    }
  }
  const means = meansOption ?? {
    importance: rows.reduce((s, r) => s + r.importance, 0) / rows.length,
    performance: rows.reduce((s, r) => s + r.performance, 0) / rows.length,
  };
  const margins = { top: 16, right: 16, bottom: 40, left: 48 };
  const frame: Box = { x0: margins.left, y0: margins.top, x1: width - margins.right, y1: height - margins.bottom };
  const xDomain: [number, number] = [0, Math.max(5, Math.ceil((Math.max(...rows.map((r) => r.importance)) * 1.1) / 5) * 5)];
  const yDomain: [number, number] = [yLo, yHi];
  const sx = (v: number) => frame.x0 + ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * (frame.x1 - frame.x0);
  const sy = (v: number) => frame.y1 - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * (frame.y1 - frame.y0);

  const points: IpaPoint[] = rows.map((r) => ({
    ...r,
    px: sx(r.importance),
    py: sy(r.performance),
    concentrate: r.importance > means.importance && r.performance < means.performance,
    label: truncateToWidth(r.item, MAX_LABEL_WIDTH),
  }));
  const q = labels.quadrants;
  const corners = ([
    ['overkill', q.overkill, 'left', 'top'],
    ['keepUp', q.keepUp, 'right', 'top'],
    ['lowPriority', q.lowPriority, 'left', 'bottom'],
    ['concentrate', q.concentrate, 'right', 'bottom'],
  ] as const).map(([key, text, h, v]) => {
    const w = estimateTextWidth(text) * (key === 'concentrate' ? 1.1 : 1); // bold is wider
    const x0 = h === 'left' ? frame.x0 + CORNER_INSET : frame.x1 - CORNER_INSET - w;
    const y0 = v === 'top' ? frame.y0 + CORNER_INSET : frame.y1 - CORNER_INSET - LABEL_HEIGHT;
    return { key, text, box: { x0, y0, x1: x0 + w, y1: y0 + LABEL_HEIGHT } };
  });

  const dots: Box[] = points.map((p) => ({ x0: p.px - DOT_RADIUS - 1, y0: p.py - DOT_RADIUS - 1, x1: p.px + DOT_RADIUS + 1, y1: p.py + DOT_RADIUS + 1 }));
  // The most important items choose first, so they keep the closest spots.
  const order = [...points].sort((a, b) => b.importance - a.importance || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  const placed = placeLabels(
    order.map((p) => ({ id: p.item, x: p.px, y: p.py, width: estimateTextWidth(p.label), height: LABEL_HEIGHT })),
    { bounds: frame, obstacles: [...dots, ...corners.map((c) => c.box)], gap: DOT_RADIUS + 3 },
  );
  return { frame, margins, xDomain, yDomain, means, points, corners, labels: placed };
}
