import type { Localized } from '../../config/types';
import type { IpaQuadrant } from '../drivers/ipa';

/** The four states of an improvement action (zh labels such as 进行中 map onto these). */
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'dropped'];

/** One checked row of actions.csv. Dates are calendar dates, `YYYY-MM-DD`. */
export interface Action {
  id: string;
  title: string;
  /** The metric the action targets: a question id, or index, csat, nps, ces. */
  question: string;
  /** The segment filter (`plan=企业版`); `all`/`all` for every respondent. */
  segment: string;
  segment_value: string;
  owner: string;
  status: ActionStatus;
  start: string;
  due: string | null;
  done: string | null;
  /** In the metric's display units (0–100 for an item score), as targets in the survey definition. */
  target: number | null;
  notes: string;
  /** Line of the row in the file, for messages. */
  line: number;
}

/** Why an action has no before/after test. */
export type ComparisonState =
  | 'compared'
  | 'not_started'      // planned
  | 'dropped'
  | 'no_periods'       // the survey has no dated periods
  | 'no_before'        // no survey period before the start period
  | 'no_after'         // no survey period after the done (or start) period yet
  | 'too_few';         // a side has too few answers to test (small-cell rule)

/** The targeted metric in one period, in display units, for the small trend chart. */
export interface ActionTrendPoint {
  period: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
  suppressed: boolean;
}

/** An action with its periods, its before/after comparison, its target gap and its overdue flag. */
export interface ActionResult extends Action {
  start_period: string | null;
  done_period: string | null;
  /** Survey periods pooled on each side of the action. */
  before_periods: string[];
  after_periods: string[];
  state: ComparisonState;
  /** Valid answers to the targeted item on each side (respondents for the index). */
  n_before: number;
  n_after: number;
  before: number | null;
  after: number | null;
  /** after − before, its 95% interval and two-sided p (Welch t for means, z for shares, NPS and index). */
  delta: number | null;
  delta_low: number | null;
  delta_high: number | null;
  p: number | null;
  /** p < alpha: one pre-planned test per action, no multiplicity correction. */
  significant: boolean | null;
  /** target − after, or target − the latest period's value when there is no after yet. */
  gap: number | null;
  /** Due date passed on the report date and the action is neither done nor dropped. */
  overdue: boolean;
  days_overdue: number | null;
  trend: ActionTrendPoint[];
}

/** A "concentrate here" pain point that no open action targets. */
export interface UncoveredRow {
  question: string;
  /** The driver scope the quadrant comes from (a period, a pooled range, or total). */
  scope: string;
  quadrant: IpaQuadrant;
  priority: number | null;
  importance: number | null;
  performance: number | null;
  /** A suggested action title: "提升<item>" / "Improve <item>". */
  suggestion: Localized;
}

export type { ActionsFile } from '../../ingest/actions';
