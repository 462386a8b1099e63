/**
 * The per-customer summary the BG/NBD and Gamma-Gamma models take, built from raw
 * transactions, with an optional holdout count for the calibration/holdout check.
 *
 * Conventions (those of Fader, Hardie & Lee 2005 and of the `lifetimes` package):
 * - Purchases on the same day are one purchase; their amounts are summed for that day.
 * - x: purchase days after the first, up to and including the calibration end day.
 * - tₓ: time from the first purchase day to the last purchase day in calibration (0 if x = 0).
 * - T: time from the first purchase day to the calibration end day.
 * - z̄: mean of the repeat purchase days' (summed) amounts; 0 when x = 0. The first
 *   purchase day's amount is kept apart (firstAmount): the Gamma-Gamma model excludes it.
 * - Time unit: day = 1 day, week = 7 days, month = 30.4375 days (see time-unit.ts).
 * - Customers whose first purchase falls after the calibration end are not in the cohort
 *   and are left out (counted in `excludedCustomers`). Transactions after the last day of
 *   interest (holdout end, or calibration end without a holdout) are ignored.
 */

import { DAYS_PER_UNIT, type TimeUnit } from './time-unit';

export { DAYS_PER_UNIT, type TimeUnit };

export interface Transaction {
  customer: string;
  /** Days since 1970-01-01 (an integer: the purchase's calendar day in the survey's time zone). */
  date: number;
  amount: number;
}

export interface RfmSummaryOptions {
  /** Last day of the calibration period (epoch day, inclusive). */
  calibrationEnd: number;
  /** Last day of the holdout period (epoch day, inclusive); holdout counts are made when given. */
  holdoutEnd?: number;
  /** Default 'week'. */
  unit?: TimeUnit;
}

export interface RfmSummary {
  /** Customer ids, in the order each customer first appears in the input. */
  customer: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
  /** Epoch day of the first purchase. */
  firstPurchase: Float64Array;
  /** Amount spent on the first purchase day. */
  firstAmount: Float64Array;
  /** Purchase days in (calibrationEnd, holdoutEnd]; null without a holdout. */
  holdoutPurchases: Float64Array | null;
  /** Holdout length in time units; null without a holdout. */
  holdoutLength: number | null;
  unit: TimeUnit;
  excludedCustomers: number;
}

function checkOptions({ calibrationEnd, holdoutEnd, unit = 'week' }: RfmSummaryOptions): void {
  if (!Number.isInteger(calibrationEnd)) throw new RangeError(`calibrationEnd must be an integer epoch day, got ${calibrationEnd}`);
  if (holdoutEnd !== undefined && !(Number.isInteger(holdoutEnd) && holdoutEnd > calibrationEnd)) {
    throw new RangeError(`holdoutEnd must be an integer epoch day after calibrationEnd (${calibrationEnd}), got ${holdoutEnd}`);
  }
  if (!Object.hasOwn(DAYS_PER_UNIT, unit)) throw new RangeError(`unit must be one of day, week, month, got ${unit}`);
}

export function buildRfmSummary(transactions: readonly Transaction[], options: RfmSummaryOptions): RfmSummary {
  checkOptions(options);
  const { calibrationEnd, holdoutEnd } = options;
  const unit = options.unit ?? 'week';
  const unitDays = DAYS_PER_UNIT[unit];
  const lastDay = holdoutEnd ?? calibrationEnd;
  // Bucket the transactions by customer (counting sort), so a million rows need no global sort.
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const owner = new Int32Array(transactions.length).fill(-1);
  const counts: number[] = [];
  transactions.forEach(({ customer, date, amount }, row) => {
    if (typeof customer !== 'string') throw new RangeError(`transaction ${row}: customer must be a string, got ${customer}`);
    if (!Number.isInteger(date)) throw new RangeError(`transaction ${row}: date must be an integer epoch day, got ${date}`);
    if (!(amount >= 0 && Number.isFinite(amount))) throw new RangeError(`transaction ${row}: amount must be a finite number >= 0, got ${amount}`);
    if (date > lastDay) return;
    let k = indexOf.get(customer);
    if (k === undefined) {
      k = ids.length;
      indexOf.set(customer, k);
      ids.push(customer);
      counts.push(0);
    }
    owner[row] = k;
    counts[k]++;
  });
  const start = new Int32Array(ids.length + 1);
  counts.forEach((c, k) => (start[k + 1] = start[k] + c));
  const fill = start.slice(0, ids.length);
  const days = new Float64Array(start[ids.length]);
  const amounts = new Float64Array(start[ids.length]);
  owner.forEach((k, row) => {
    if (k < 0) return;
    days[fill[k]] = transactions[row].date;
    amounts[fill[k]++] = transactions[row].amount;
  });

  const out = { customer: [] as string[], x: [] as number[], tx: [] as number[], T: [] as number[], zbar: [] as number[] };
  const extra = { firstPurchase: [] as number[], firstAmount: [] as number[], holdout: [] as number[] };
  let excludedCustomers = 0;
  for (let k = 0; k < ids.length; k++) {
    const from = start[k];
    const to = start[k + 1];
    sortSlice(days, amounts, from, to);
    const first = days[from];
    if (first > calibrationEnd) {
      excludedCustomers++;
      continue;
    }
    let firstAmount = 0;
    let repeatDays = 0;
    let repeatSum = 0;
    let lastCalibrationDay = first;
    let holdoutDays = 0;
    for (let i = from; i < to; ) {
      const day = days[i];
      let daySum = 0;
      for (; i < to && days[i] === day; i++) daySum += amounts[i];
      if (day === first) firstAmount = daySum;
      else if (day <= calibrationEnd) {
        repeatDays++;
        repeatSum += daySum;
        lastCalibrationDay = day;
      } else holdoutDays++;
    }
    out.customer.push(ids[k]);
    out.x.push(repeatDays);
    out.tx.push((lastCalibrationDay - first) / unitDays);
    out.T.push((calibrationEnd - first) / unitDays);
    out.zbar.push(repeatDays > 0 ? repeatSum / repeatDays : 0);
    extra.firstPurchase.push(first);
    extra.firstAmount.push(firstAmount);
    extra.holdout.push(holdoutDays);
  }
  return {
    customer: out.customer,
    x: Float64Array.from(out.x),
    tx: Float64Array.from(out.tx),
    T: Float64Array.from(out.T),
    zbar: Float64Array.from(out.zbar),
    firstPurchase: Float64Array.from(extra.firstPurchase),
    firstAmount: Float64Array.from(extra.firstAmount),
    holdoutPurchases: holdoutEnd === undefined ? null : Float64Array.from(extra.holdout),
    holdoutLength: holdoutEnd === undefined ? null : (holdoutEnd - calibrationEnd) / unitDays,
    unit,
    excludedCustomers,
  };
}

/** Sorts one customer's transactions by day, carrying the amounts along (insertion sort when few). */
function sortSlice(days: Float64Array, amounts: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort((i, j) => days[i] - days[j]);
    const [d, a] = [order.map((i) => days[i]), order.map((i) => amounts[i])];
    days.set(d, from);
    amounts.set(a, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const day = days[i];
    const amount = amounts[i];
    let j = i - 1;
    for (; j >= from && days[j] > day; j--) {
      days[j + 1] = days[j];
      amounts[j + 1] = amounts[j];
    }
    days[j + 1] = day;
    amounts[j + 1] = amount;
  }
}

/** Epoch day of a calendar date (UTC), e.g. epochDay(1997, 9, 30). */
export function epochDay(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
