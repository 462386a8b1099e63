import { CsatError } from '../../errors';
import { readDate } from './fields';
import { daysBetween } from './action-periods';
import { isOpen } from './status';
import type { Action } from './types';

/**
 * The day overdue is judged on. It must not be the build's wall-clock date, or the same data
 * would give a different site tomorrow. In order: an explicit override (REPORT_DATE), the
 * latest response date when the ingest knows it, else the last day of the latest period.
 * Null when none applies (a survey without dates): nothing is then marked overdue.
 */
export function resolveReportDate(o: { override?: string; latestResponse?: string; latestPeriod?: string }): string | null {
  if (o.override !== undefined && o.override.trim() !== '') {
    const r = readDate(o.override);
    if (!r.ok) throw new CsatError(`REPORT_DATE ${r.problem}`, {}, { hint: 'unset REPORT_DATE to use the latest response date' });
    return r.value;
  }
  if (o.latestResponse) return o.latestResponse;
  return o.latestPeriod ? periodEnd(o.latestPeriod) : null;
}

/** Last day of a period label (2026-Q3 → 2026-09-30, 2026-02 → 2026-02-28, 2026 → 2026-12-31); null for `all`. */
export function periodEnd(label: string): string | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  const y = /^(\d{4})$/.exec(label);
  const [year, month] = q ? [+q[1], +q[2] * 3] : m ? [+m[1], +m[2]] : y ? [+y[1], 12] : [NaN, NaN];
  if (Number.isNaN(year)) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Overdue: an open action (planned or in progress) whose due date is before the report date. */
export function overdueDays(action: Pick<Action, 'status' | 'due'>, reportDate: string | null): number | null {
  if (reportDate === null || action.due === null || !isOpen(action.status)) return null;
  const days = daysBetween(action.due, reportDate);
  return days > 0 ? days : null;
}
