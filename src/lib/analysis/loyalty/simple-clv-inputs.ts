/**
 * The inputs of the simple CLV formula (STATISTICS.md §7) read off the purchases, so the
 * number is transparent: over the last window of W time units (a year, or half the data when
 * shorter), m = revenue per active customer per time unit × margin rate, where active means
 * bought in the window; and, when the survey definition gives no retention, the per-unit
 * retention r = (customers active in both the previous and the last window / customers active
 * in the previous window)^(1/W).
 */
import type { Purchase } from '../../ingest/transaction-types';
import { DAYS_PER_UNIT, type TimeUnit } from '../clv/time-unit';

export interface SimpleClvWindow {
  /** Window length in time units. */
  units: number;
  /** Customers with a purchase in the last window, and their revenue in it. */
  activeCustomers: number;
  revenue: number;
  /** Revenue per active customer per time unit (before the margin). */
  revenuePerUnit: number | null;
  /** Estimated per-unit retention; null when the data hold no previous window. */
  retention: number | null;
}

/** The longest window of whole units, up to a year, of which two fit in the data's span. */
export function windowUnits(firstDay: number, lastDay: number, unit: TimeUnit): number {
  const unitDays = DAYS_PER_UNIT[unit];
  const span = lastDay - firstDay + 1;
  let units = Math.round(365.25 / unitDays);
  while (units > 1 && 2 * Math.round(units * unitDays) > span) units--;
  return units;
}

/**
 * Measures the window for the customers `include` accepts (all by default); the retention
 * is measured over the same customers.
 */
export function simpleClvWindow(
  purchases: readonly Purchase[],
  span: { firstDay: number; lastDay: number },
  unit: TimeUnit,
  include: (customer: string) => boolean = () => true,
): SimpleClvWindow {
  const units = windowUnits(span.firstDay, span.lastDay, unit);
  const windowDays = Math.round(units * DAYS_PER_UNIT[unit]);
  const lastStart = span.lastDay - windowDays; // last window: (lastStart, lastDay]
  const previousStart = lastStart - windowDays; // previous window: (previousStart, lastStart]
  const last = new Set<string>();
  const previous = new Set<string>();
  let revenue = 0;
  for (const p of purchases) {
    if (!include(p.customer)) continue;
    if (p.day > lastStart) {
      last.add(p.customer);
      revenue += p.amount;
    } else if (p.day > previousStart) previous.add(p.customer);
  }
  let kept = 0;
  for (const c of previous) if (last.has(c)) kept++;
  const hasPrevious = span.firstDay <= previousStart + 1 && previous.size > 0;
  return {
    units,
    activeCustomers: last.size,
    revenue,
    revenuePerUnit: last.size > 0 ? revenue / last.size / units : null,
    retention: hasPrevious ? (kept / previous.size) ** (1 / units) : null,
  };
}
