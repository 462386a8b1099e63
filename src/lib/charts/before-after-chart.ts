/**
 * A small trend of one metric with vertical rules at an action's start and done periods,
 * so a reader can see what happened before and after (the actions page).
 */
import * as Plot from '@observablehq/plot';
import { isFiniteNumber } from './checks';
import { tickFormat } from './format';
import { INK } from './palette';
import { numericAxisMargin, periodDomain, periodTicks } from './period-axis';

export interface BeforeAfterRow {
  period: string;
  value: number | null;
  suppressed?: boolean;
}

export interface BeforeAfterChartLabels {
  y: string;
  /** Text at the start rule, e.g. "Started" / "开始". */
  start: string;
  /** Text at the done rule, e.g. "Done" / "完成". */
  done: string;
}

export interface BeforeAfterChartOptions {
  labels: BeforeAfterChartLabels;
  locale: string;
  /** Period the action started; must be one of the rows' periods. */
  start: string;
  /** Period the action was done, if it is. */
  done?: string | null;
  yDomain?: [number, number];
  width?: number;
  height?: number;
}

export function beforeAfterChart(
  rows: readonly BeforeAfterRow[],
  { labels, locale, start, done = null, yDomain, width = 640, height = 200 }: BeforeAfterChartOptions,
): Plot.PlotOptions {
  const periods = periodDomain(rows, 'before-after chart');
  for (const [name, period] of [['start', start], ['done', done]] as const) {
    if (period !== null && !periods.includes(period)) {
      throw new Error(`before-after chart: action ${name} period "${period}" is not among the chart's periods (${periods.join(', ')})`);
    }
  }
  if (done !== null && periods.indexOf(done) < periods.indexOf(start)) {
    throw new Error(`before-after chart: done period "${done}" is before start period "${start}"`);
  }
  const points = rows.map((r) => ({ period: r.period, value: r.suppressed !== true && isFiniteNumber(r.value) ? r.value : NaN }));
  const ticks = tickFormat(locale);
  const marginLeft = numericAxisMargin([...points.map((p) => p.value), ...(yDomain ?? [])], ticks);
  const marginRight = 20;

  return {
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 28,
    x: { type: 'point', domain: periods, label: null, ticks: periodTicks(periods, width - marginLeft - marginRight) },
    y: { label: labels.y, labelArrow: 'none', grid: true, domain: yDomain, nice: yDomain === undefined, tickFormat: ticks },
    marks: [
      Plot.ruleX([start], { stroke: INK.reference, strokeDasharray: '4,3', strokeWidth: 1.5 }),
      // Start's label hangs left of its rule and done's right, so they never collide.
      Plot.text([start], { x: (d: string) => d, text: () => labels.start, frameAnchor: 'top', textAnchor: 'end', dx: -4, dy: -14, fill: INK.reference }),
      done !== null ? Plot.ruleX([done], { stroke: INK.reference, strokeWidth: 1.5 }) : null,
      done !== null
        ? Plot.text([done], { x: (d: string) => d, text: () => labels.done, frameAnchor: 'top', textAnchor: 'start', dx: 4, dy: -14, fill: INK.reference })
        : null,
      Plot.lineY(points, { x: 'period', y: 'value', stroke: INK.primary, strokeWidth: 2 }),
      Plot.dot(points.filter((p) => Number.isFinite(p.value)), { x: 'period', y: 'value', r: 3, fill: INK.primary }),
    ],
  };
}
