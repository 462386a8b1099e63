import type { SurveyConfig } from '../../config/types';
import { compareGroups } from '../../model/compare';
import { sumAtoms, type Atoms } from '../../model/reduce';
import type { GroupStats } from '../../model/sufficient-stats';
import { pickComparison, toDisplay, type ActionMetric } from './action-metric';
import { actionWindows } from './action-periods';
import type { Action, ActionResult } from './types';

export type BeforeAfter = Pick<
  ActionResult,
  'state' | 'before_periods' | 'after_periods' | 'n_before' | 'n_after' | 'before' | 'after' | 'delta' | 'delta_low' | 'delta_high' | 'p' | 'significant'
>;

/**
 * The targeted metric pooled over the periods before the action against the periods after
 * it, in the action's segment, from the model's sufficient statistics: the same test as a
 * period-over-period change (Welch t on the item mean, z on shares, NPS and the index;
 * compare.ts), converted to display units (×100/(K−1) for a 0–100 item score).
 *
 * Each action is one test planned in advance by its row (which metric, which segment, which
 * periods), so it is judged at alpha on its own, without a multiplicity correction. Pooling
 * periods ignores any trend already under way: the result says the metric moved, not that
 * the action moved it.
 */
export function beforeAfter(
  action: Action, metric: ActionMetric, atoms: Atoms, config: SurveyConfig, startPeriod: string | null, donePeriod: string | null,
): BeforeAfter {
  const windows = startPeriod === null || config.period === 'none'
    ? { before: [], after: [] }
    : actionWindows(atoms.periods, action.status, startPeriod, donePeriod);
  const keep = segmentFilter(atoms, action.segment, action.segment_value);
  const pooled = (periods: string[]) => {
    const codes = new Set(periods.map((p) => atoms.periods.indexOf(p)));
    return sumAtoms(atoms, (k) => codes.has(k[0]) && keep(k));
  };
  const beforeStats = pooled(windows.before);
  const afterStats = pooled(windows.after);
  const answers = answerCount(config, metric);
  const result: BeforeAfter = {
    state: 'compared', before_periods: windows.before, after_periods: windows.after,
    n_before: answers(beforeStats), n_after: answers(afterStats),
    before: null, after: null, delta: null, delta_low: null, delta_high: null, p: null, significant: null,
  };
  if (action.status === 'planned') return { ...result, state: 'not_started' };
  if (action.status === 'dropped') return { ...result, state: 'dropped' };
  if (startPeriod === null || config.period === 'none') return { ...result, state: 'no_periods' };
  if (windows.before.length === 0) return { ...result, state: 'no_before' };
  if (windows.after.length === 0) return { ...result, state: 'no_after' };
  const c = pickComparison(compareGroups(afterStats, beforeStats, config, atoms.layout), metric);
  if (!c) return { ...result, state: 'too_few' };
  return {
    ...result,
    before: toDisplay(metric, c.from), after: toDisplay(metric, c.to),
    delta: c.delta * metric.scale, delta_low: c.delta_low * metric.scale, delta_high: c.delta_high * metric.scale,
    p: c.p, significant: c.p === null ? null : c.p < config.thresholds.alpha,
  };
}

/** Keeps the atoms of one segment value (all atoms for the overall cell; none for a value absent from the data). */
function segmentFilter(atoms: Atoms, segment: string, value: string): (key: Int32Array) => boolean {
  if (segment === 'all') return () => true;
  const s = atoms.segments.findIndex((x) => x.id === segment);
  const code = s < 0 ? -1 : atoms.segments[s].values.indexOf(value);
  return code < 0 ? () => false : (k) => k[s + 1] === code;
}

/** Valid answers to the targeted item (respondents, for the index). */
function answerCount(config: SurveyConfig, metric: ActionMetric): (s: GroupStats) => number {
  const q = config.questions.findIndex((x) => x.id === metric.question);
  return (s) => (q < 0 ? s.rows : s.n[q]);
}
