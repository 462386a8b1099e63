/** A small KPI trend without axes (~120×32): the line, with the latest point marked. */
import * as Plot from '@observablehq/plot';
import { INK } from './palette';
import { isFiniteNumber } from './checks';
import { periodDomain } from './period-axis';

export interface SparklineRow {
  period: string;
  /** The metric; null (or suppressed) leaves a gap. */
  value: number | null;
  suppressed?: boolean;
}

export interface SparklineChartOptions {
  yDomain?: [number, number];
  width?: number;
  height?: number;
}

export function sparklineChart(
  rows: readonly SparklineRow[],
  { yDomain, width = 120, height = 32 }: SparklineChartOptions = {},
): Plot.PlotOptions {
  const periods = periodDomain(rows, 'sparkline chart');
  const points = rows.map((r) => ({ period: r.period, value: r.suppressed !== true && isFiniteNumber(r.value) ? r.value : NaN }));
  const last = points.filter((p) => Number.isFinite(p.value)).slice(-1);
  const inset = 4; // room for the end dot
  return {
    width,
    height,
    margin: inset,
    axis: null,
    x: { type: 'point', domain: periods, padding: 0, round: false },
    y: { domain: yDomain },
    marks: [
      Plot.lineY(points, { x: 'period', y: 'value', stroke: INK.primary, strokeWidth: 1.5 }),
      Plot.dot(last, { x: 'period', y: 'value', r: 2.5, fill: INK.primary }),
    ],
  };
}
