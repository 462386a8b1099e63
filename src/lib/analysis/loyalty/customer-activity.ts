/**
 * One record per customer from the purchases (or from a warehouse's summary): orders,
 * purchase days, years observed, spend. Years run from the first purchase day to the last
 * day of the data, both counted, so every customer has a positive exposure.
 */
import type { CustomerSummaries, Purchase } from '../../ingest/transaction-types';
import { DAYS_PER_UNIT, type TimeUnit } from '../clv/time-unit';
import type { CustomerActivity } from './types';

const DAYS_PER_YEAR = 365.25;

export interface PurchaseSpan {
  firstDay: number;
  lastDay: number;
}

/** First and last purchase day of all the data; throws when there are no purchases. */
export function purchaseSpan(purchases: readonly Purchase[]): PurchaseSpan {
  if (purchases.length === 0) throw new RangeError('loyalty needs at least one purchase, got none');
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const p of purchases) {
    if (p.day < firstDay) firstDay = p.day;
    if (p.day > lastDay) lastDay = p.day;
  }
  return { firstDay, lastDay };
}

/** Customers in the order they first appear in the purchases. */
export function activityFromPurchases(purchases: readonly Purchase[], dataEnd: number): CustomerActivity[] {
  const byCustomer = new Map<string, { orders: number; days: Set<number>; total: number; first: number; last: number }>();
  for (const p of purchases) {
    let c = byCustomer.get(p.customer);
    if (!c) byCustomer.set(p.customer, (c = { orders: 0, days: new Set(), total: 0, first: p.day, last: p.day }));
    c.orders++;
    c.days.add(p.day);
    c.total += p.amount;
    if (p.day < c.first) c.first = p.day;
    if (p.day > c.last) c.last = p.day;
  }
  return [...byCustomer].map(([customer, c]) => ({
    customer,
    orders: c.orders,
    purchaseDays: c.days.size,
    years: (dataEnd - c.first + 1) / DAYS_PER_YEAR,
    totalSpend: c.total,
    meanSpend: c.total / c.orders,
    firstDay: c.first,
    lastDay: c.last,
  }));
}

/** From a summary: purchase days x + 1; spend known for repeat purchases only (z̄). */
export function activityFromSummaries(s: CustomerSummaries, unit: TimeUnit): CustomerActivity[] {
  const unitDays = DAYS_PER_UNIT[unit];
  return s.customer.map((customer, i) => ({
    customer,
    orders: s.x[i] + 1,
    purchaseDays: s.x[i] + 1,
    years: (s.T[i] * unitDays + 1) / DAYS_PER_YEAR,
    totalSpend: NaN,
    meanSpend: s.x[i] > 0 ? s.monetary[i] : NaN,
    firstDay: NaN,
    lastDay: NaN,
  }));
}
