import type { SurveyConfig } from '../../config/types';
import type { SurveyMetrics } from '../../model/build';
import type { DriverRow } from '../../model/drivers';
import type { Atoms } from '../../model/reduce';
import { actionMetric, metricTrend } from './action-metric';
import { periodOfDay } from './action-periods';
import { beforeAfter } from './before-after';
import { uncoveredPainPoints } from './coverage';
import { overdueDays } from './report-date';
import type { Action, ActionResult, UncoveredRow } from './types';

export interface ActionsInput {
  actions: readonly Action[];
  atoms: Atoms;
  metrics: SurveyMetrics;
  config: SurveyConfig;
  /** YYYY-MM-DD, see resolveReportDate; null marks nothing overdue. */
  reportDate: string | null;
  /** The driver rows the pain points come from (overall, latest scope) and that scope's label. */
  drivers: { rows: readonly DriverRow[]; scope: string };
}

export interface ActionsAnalysis {
  actions: ActionResult[];
  uncovered: UncoveredRow[];
}

/** Every action with its periods, before/after test, target gap, overdue flag and trend; then the uncovered pain points. */
export function analyseActions({ actions, atoms, metrics, config, reportDate, drivers }: ActionsInput): ActionsAnalysis {
  const dated = config.period !== 'none';
  const results = actions.map((action): ActionResult => {
    const metric = actionMetric(config, action.question)!;
    const startPeriod = dated ? periodOfDay(action.start, config.period) : null;
    const donePeriod = dated && action.done !== null ? periodOfDay(action.done, config.period) : null;
    const test = beforeAfter(action, metric, atoms, config, startPeriod, donePeriod);
    const trend = metricTrend(metrics, metric, action.segment, action.segment_value);
    const latest = [...trend].reverse().find((t) => t.value !== null)?.value ?? null;
    const reference = test.after ?? latest;
    const days = overdueDays(action, reportDate);
    return {
      ...action, start_period: startPeriod, done_period: donePeriod, ...test,
      gap: action.target === null || reference === null ? null : action.target - reference,
      overdue: days !== null, days_overdue: days, trend,
    };
  });
  const uncovered = uncoveredPainPoints(drivers.rows, drivers.scope, results, metrics.latest, config);
  return { actions: results, uncovered };
}
