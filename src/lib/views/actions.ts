import type { ActionResult, ActionStatus } from '../analysis/actions/types';

/** The order statuses are shown in: what is under way first, what is finished last. */
export const STATUS_ORDER: readonly ActionStatus[] = ['in_progress', 'planned', 'done', 'dropped'];

/** Values the `status` prop of <Actions> takes: a status, `open` (planned + in progress) or `all`. */
export const STATUS_FILTERS = ['all', 'open', ...STATUS_ORDER] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function filterActions(actions: readonly ActionResult[], { status = 'all', question }: { status?: StatusFilter; question?: string } = {}): ActionResult[] {
  return actions.filter((a) =>
    (status === 'all' || (status === 'open' ? a.status === 'planned' || a.status === 'in_progress' : a.status === status))
    && (question === undefined || a.question === question));
}

/** Actions per status in STATUS_ORDER; overdue ones first within a status, then by start date. */
export function actionsByStatus(actions: readonly ActionResult[]): { status: ActionStatus; actions: ActionResult[] }[] {
  return STATUS_ORDER.map((status) => ({
    status,
    actions: actions
      .filter((a) => a.status === status)
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
  })).filter((g) => g.actions.length > 0);
}

export function statusCounts(actions: readonly ActionResult[]): Record<ActionStatus, number> {
  const counts = { planned: 0, in_progress: 0, done: 0, dropped: 0 };
  for (const a of actions) counts[a.status]++;
  return counts;
}

/**
 * Actions at work in a period: in progress or done, started in or before it, and (when done)
 * finished in or after it. Planned and dropped actions are not at work.
 */
export function activeInPeriod(actions: readonly ActionResult[], period: string): ActionResult[] {
  return actions.filter((a) =>
    (a.status === 'in_progress' || a.status === 'done')
    && a.start_period !== null && a.start_period <= period
    && (a.status === 'in_progress' || (a.done_period !== null && a.done_period >= period)));
}

/** How the before/after result reads: a significant rise or fall, no significant change, or why there is no test. */
export type ActionOutcome = 'up' | 'down' | 'flat' | Exclude<ActionResult['state'], 'compared'>;

export function actionOutcome(a: ActionResult): ActionOutcome {
  if (a.state !== 'compared') return a.state;
  if (a.significant && a.delta !== null) return a.delta > 0 ? 'up' : 'down';
  return 'flat';
}
