import type { SurveyConfig } from '../config/types';
import { relativeWeightsFromCorrelations } from '../analysis/drivers/relative-weights';
import { importancePerformance, type IpaQuadrant } from '../analysis/drivers/ipa';
import { questionCell, pairCorrelation, type GroupStats, type StatsLayout } from './sufficient-stats';
import { sumAtoms, type Atoms } from './reduce';
import { orderValues } from './cells';
import { meanInterval } from '../metrics/mean-interval';
import { topTwoBoxShare } from '../metrics/top-box';

export interface DriverRow {
  period: string;
  segment: string;
  segment_value: string;
  question: string;
  r: number | null;
  /** Share of R² (0–1), Johnson's relative weight / R². */
  importance: number | null;
  performance: number | null;
  quadrant: IpaQuadrant | null;
  priority: number | null;
  n: number;
  r2: number | null;
  /** Fewer complete answers than min_per_driver × drivers: weights not shown. */
  unstable: boolean;
}

/**
 * Key drivers of the outcome from the sufficient statistics: pairwise-complete correlations
 * (the cross sums), Johnson's relative weights on them, and the importance–performance
 * quadrants. `n` is the smallest pairwise-complete count among the drivers and the outcome.
 */
export function driverRows(stats: GroupStats, layout: StatsLayout, config: SurveyConfig, where: { period: string; segment: string; segment_value: string }): DriverRow[] {
  const outcomeQ = config.questions.findIndex((q) => q.id === config.drivers.outcome);
  const outcomePos = layout.cross.indexOf(outcomeQ);
  const drivers = layout.cross.map((q, pos) => ({ q, pos })).filter((d) => config.questions[d.q].role === 'indicator');
  if (outcomePos < 0 || drivers.length === 0) return [];
  const rxy = drivers.map((d) => pairCorrelation(stats, layout, d.pos, outcomePos));
  const rxx = drivers.map((a) => drivers.map((b) => (a.pos === b.pos ? 1 : pairCorrelation(stats, layout, a.pos, b.pos).r)));
  const n = Math.min(...rxy.map((x) => x.n), ...drivers.flatMap((a) => drivers.filter((b) => b.pos > a.pos).map((b) => pairCorrelation(stats, layout, a.pos, b.pos).n)));
  const unstable = !(n >= config.drivers.minPerDriver * drivers.length) || rxy.some((x) => !Number.isFinite(x.r)) || rxx.some((row) => row.some((v) => !Number.isFinite(v)));
  const performance = drivers.map(({ q }) => {
    const question = config.questions[q];
    const cell = questionCell(layout, stats, q);
    if (cell.n === 0) return null;
    if (config.drivers.performance === 'top2') return topTwoBoxShare(cell);
    const m = meanInterval(cell, question.scale.min);
    return m ? ((m.mean - question.scale.min) / (question.scale.max - question.scale.min)) * 100 : null;
  });
  const base = drivers.map(({ q }, j) => ({ ...where, question: config.questions[q].id, r: Number.isFinite(rxy[j].r) ? rxy[j].r : null, performance: performance[j], n, unstable }));
  if (unstable) return base.map((b) => ({ ...b, importance: null, quadrant: null, priority: null, r2: null }));
  const fit = relativeWeightsFromCorrelations(rxx, rxy.map((x) => x.r));
  const share = fit.weights.map((w) => (fit.rSquared > 0 ? w / fit.rSquared : 0));
  const items = base.flatMap((b, j) => (b.performance === null ? [] : [{
    id: b.question, importance: share[j], performance: b.performance,
    target: config.drivers.performance === 'score100' ? config.targets[b.question] : undefined,
  }]));
  const ipa = importancePerformance(items);
  const byId = new Map(ipa.rows.map((r) => [r.id, r]));
  return base
    .map((b, j) => ({ ...b, importance: share[j], quadrant: byId.get(b.question)?.quadrant ?? null, priority: byId.get(b.question)?.priority ?? null, r2: fit.rSquared }))
    .sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity));
}

/** Driver rows for every period, the pooled last N periods, and the total; overall and per segment value. */
export function allDriverRows(atoms: Atoms, config: SurveyConfig): DriverRow[] {
  const rows: DriverRow[] = [];
  const P = atoms.periods.length;
  const pool = Math.min(config.drivers.poolPeriods, P);
  const scopes: { label: string; inScope: (code: number) => boolean }[] = [
    ...atoms.periods.map((label, i) => ({ label, inScope: (c: number) => c === i })),
    ...(pool > 1 ? [{ label: pooledLabel(atoms.periods, pool), inScope: (c: number) => c >= P - pool }] : []),
    { label: 'total', inScope: () => true },
  ];
  for (const scope of scopes) {
    rows.push(...driverRows(sumAtoms(atoms, (k) => scope.inScope(k[0])), atoms.layout, config, { period: scope.label, segment: 'all', segment_value: 'all' }));
    atoms.segments.forEach((segment, s) => {
      const order = config.segments.find((x) => x.id === segment.id)?.order;
      for (const value of orderValues(segment.values, order)) {
        const code = segment.values.indexOf(value);
        const stats = sumAtoms(atoms, (k) => scope.inScope(k[0]) && k[s + 1] === code);
        if (stats.rows > 0) rows.push(...driverRows(stats, atoms.layout, config, { period: scope.label, segment: segment.id, segment_value: value }));
      }
    });
  }
  return rows;
}

/** "2026-Q3..2026-Q4": the last `pool` periods together. */
export const pooledLabel = (periods: string[], pool: number) => `${periods[periods.length - pool]}..${periods[periods.length - 1]}`;
