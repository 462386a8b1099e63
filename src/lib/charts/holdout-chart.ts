/**
 * The calibration/holdout check as Fader, Hardie & Lee (2005, Figure 4) draw it: mean
 * purchases per customer in the holdout period by the number of repeat purchases in the
 * calibration period, actual as dots and the model's prediction as a dashed line, labelled
 * at the right end so the two read apart without colour.
 */
import * as Plot from '@observablehq/plot';
import { assertUniqueKeys, isFiniteNumber, show } from './checks';
import { tickFormat } from './format';
import { INK } from './palette';
import { numericAxisMargin } from './period-axis';
import { estimateTextWidth } from './text-metrics';

export interface HoldoutRow {
  /** Calibration repeat purchases: '0', '1', … or '7+'. */
  bucket: string;
  actual: number;
  predicted: number;
  customers: number;
}

export interface HoldoutChartLabels {
  x: string;
  y: string;
  actual: string;
  predicted: string;
}

export interface HoldoutChartOptions {
  labels: HoldoutChartLabels;
  locale: string;
  width?: number;
  height?: number;
}

export function holdoutChart(rows: readonly HoldoutRow[], { labels, locale, width = 640, height = 260 }: HoldoutChartOptions): Plot.PlotOptions {
  assertUniqueKeys(rows, (r) => r.bucket, (r) => `bucket "${r.bucket}"`, 'holdout chart');
  for (const r of rows) {
    if (!isFiniteNumber(r.actual) || !isFiniteNumber(r.predicted)) {
      throw new Error(`holdout chart: invalid value ${show(isFiniteNumber(r.actual) ? r.predicted : r.actual)} for bucket "${r.bucket}"; expected finite numbers`);
    }
  }
  const ticks = tickFormat(locale);
  const marginLeft = numericAxisMargin(rows.flatMap((r) => [r.actual, r.predicted, 0]), ticks);
  const lastRow = rows[rows.length - 1];
  const marginRight = Math.ceil(Math.max(estimateTextWidth(labels.actual), estimateTextWidth(labels.predicted))) + 14;
  return {
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 20,
    marginBottom: 40,
    x: { type: 'point', domain: rows.map((r) => r.bucket), label: labels.x, labelArrow: 'none', labelAnchor: 'center', padding: 0.4 },
    y: { label: labels.y, labelArrow: 'none', grid: true, nice: true, zero: true, tickFormat: ticks },
    marks: [
      Plot.lineY(rows, { x: 'bucket', y: 'predicted', stroke: INK.reference, strokeWidth: 1.5, strokeDasharray: '5,3' }),
      Plot.dot(rows, { x: 'bucket', y: 'actual', r: 4.5, fill: INK.primary, stroke: INK.separator, strokeWidth: 1 }),
      lastRow ? Plot.text([lastRow], { x: 'bucket', y: 'predicted', text: () => labels.predicted, textAnchor: 'start', dx: 10, dy: lastRow.predicted >= lastRow.actual ? -8 : 8, fill: INK.reference }) : null,
      lastRow ? Plot.text([lastRow], { x: 'bucket', y: 'actual', text: () => labels.actual, textAnchor: 'start', dx: 10, dy: lastRow.predicted >= lastRow.actual ? 8 : -8, fill: INK.primary }) : null,
    ],
  };
}
