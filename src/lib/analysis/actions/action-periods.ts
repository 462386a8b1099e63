import type { Granularity } from '../../config/types';
import { PeriodAssigner } from '../../ingest/dates';
import { TimeZone } from '../../ingest/timezone';
import type { ActionStatus } from './types';

/**
 * Which survey periods fall before and after an action. An action's dates are calendar days,
 * so the period of a day is read on a UTC clock at its midnight (the survey's time zone only
 * matters for timestamps; a day is already local). Labels of one granularity sort in time
 * order as strings (2025-Q4 < 2026-Q1, 2026-09 < 2026-10).
 */
const UTC = new TimeZone('UTC');

export function periodOfDay(day: string, granularity: Granularity): string {
  const [y, m, d] = day.split('-').map(Number);
  const periods = new PeriodAssigner(granularity, UTC);
  return periods.label(periods.indexOf(Date.UTC(y, m - 1, d)));
}

export interface ActionWindows {
  /** Periods strictly before the start period. */
  before: string[];
  /** Periods strictly after the done period (done), or after the start period (in progress). */
  after: string[];
}

/** Before and after windows over the survey's periods; planned and dropped actions have none. */
export function actionWindows(periods: readonly string[], status: ActionStatus, startPeriod: string, donePeriod: string | null): ActionWindows {
  if (status === 'planned' || status === 'dropped') return { before: [], after: [] };
  const pivot = status === 'done' && donePeriod !== null ? donePeriod : startPeriod;
  return { before: periods.filter((p) => p < startPeriod), after: periods.filter((p) => p > pivot) };
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}
