import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../src/lib/analysis/actions';
import { actionOutcome, actionsByStatus, activeInPeriod, filterActions, statusCounts } from '../../../src/lib/views/actions';

const action = (id: string, over: Partial<ActionResult>): ActionResult =>
  ({ id, question: 'a', status: 'in_progress', start: '2026-01-10', start_period: '2026-Q1', done_period: null, overdue: false, state: 'compared', significant: false, delta: 1, ...over }) as ActionResult;

const actions = [
  action('A', { status: 'done', start_period: '2026-Q1', done_period: '2026-Q2' }),
  action('B', { status: 'in_progress', start_period: '2026-Q2', start: '2026-04-02' }),
  action('C', { status: 'in_progress', start_period: '2026-Q1', overdue: true, start: '2026-02-01', question: 'b' }),
  action('D', { status: 'planned', start_period: '2026-Q1', state: 'not_started' }),
  action('E', { status: 'dropped', start_period: '2026-Q1', state: 'dropped' }),
];

describe('actions views', () => {
  it('lists the actions at work in a period: in progress since, or done in or after it', () => {
    const ids = (p: string) => activeInPeriod(actions, p).map((a) => a.id);
    expect(ids('2025-Q4')).toEqual([]);
    expect(ids('2026-Q1')).toEqual(['A', 'C']);
    expect(ids('2026-Q2')).toEqual(['A', 'B', 'C']);
    expect(ids('2026-Q3')).toEqual(['B', 'C']);
  });

  it('groups by status, under way first, overdue first within a status', () => {
    expect(actionsByStatus(actions).map((g) => [g.status, g.actions.map((a) => a.id)])).toEqual([
      ['in_progress', ['C', 'B']], ['planned', ['D']], ['done', ['A']], ['dropped', ['E']],
    ]);
    expect(statusCounts(actions)).toEqual({ planned: 1, in_progress: 2, done: 1, dropped: 1 });
  });

  it('filters by status (open = planned + in progress) and question', () => {
    expect(filterActions(actions, { status: 'open' }).map((a) => a.id)).toEqual(['B', 'C', 'D']);
    expect(filterActions(actions, { status: 'open', question: 'b' }).map((a) => a.id)).toEqual(['C']);
    expect(filterActions(actions).length).toBe(5);
  });

  it('reads the outcome', () => {
    expect(actionOutcome(action('X', { significant: true, delta: 3 }))).toBe('up');
    expect(actionOutcome(action('X', { significant: true, delta: -3 }))).toBe('down');
    expect(actionOutcome(action('X', { significant: false, delta: 3 }))).toBe('flat');
    expect(actionOutcome(action('X', { state: 'no_after' }))).toBe('no_after');
  });
});
