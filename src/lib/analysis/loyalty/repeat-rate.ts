/**
 * Repeat purchase rate = repeat purchases / all purchases, and customer repeat rate =
 * customers with a repeat purchase / customers, per period and segment value (STATISTICS.md §7).
 * A purchase is a repeat purchase when it falls on a later day than the customer's first
 * purchase day (over all the data), so several orders on the first day are one first purchase
 * — the BG/NBD's convention. Over the whole span (`total`) a repeat customer is one with ≥ 2
 * purchase days. A customer's segment is taken from their latest survey response; customers
 * never surveyed form the group NOT_SURVEYED. Cells with fewer customers than `suppress`
 * keep their customer count only.
 */
import type { Segment } from '../../config/types';
import type { Purchase } from '../../ingest/transaction-types';
import { orderSegmentValues } from '../../ingest/summary';
import type { PeriodScale } from './periods';
import type { CustomerActivity, CustomerProfile, LoyaltyRow } from './types';

export const NOT_SURVEYED = '(not surveyed)';
export const ALL = 'all';
export const TOTAL = 'total';

interface Tally {
  purchases: number;
  repeats: number;
  customers: Set<number>;
  repeatCustomers: Set<number>;
}

export interface RepeatRateOptions {
  scale: PeriodScale;
  segments: readonly Segment[];
  profiles: ReadonlyMap<string, CustomerProfile>;
  suppress: number;
}

/** First purchase day of every customer. */
export function firstPurchaseDays(purchases: readonly Purchase[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const p of purchases) {
    const d = first.get(p.customer);
    if (d === undefined || p.day < d) first.set(p.customer, p.day);
  }
  return first;
}

export function repeatRates(purchases: readonly Purchase[], { scale, segments, profiles, suppress }: RepeatRateOptions): { rows: LoyaltyRow[]; periods: string[] } {
  const first = firstPurchaseDays(purchases);
  const index = new Map([...first.keys()].map((c, i) => [c, i]));
  const cells = new Map<string, Tally>();
  const valuesSeen = segments.map(() => new Set<string>());
  const periodKeys = new Set<number>();
  const tally = (period: string, segment: string, value: string, who: number, repeat: boolean) => {
    const key = `${period}\u0000${segment}\u0000${value}`;
    let t = cells.get(key);
    if (!t) cells.set(key, (t = { purchases: 0, repeats: 0, customers: new Set(), repeatCustomers: new Set() }));
    t.purchases++;
    t.customers.add(who);
    if (repeat) {
      t.repeats++;
      t.repeatCustomers.add(who);
    }
  };
  for (const p of purchases) {
    const who = index.get(p.customer)!;
    const repeat = p.day > first.get(p.customer)!;
    const periodKey = scale.keyOf(p.day);
    periodKeys.add(periodKey);
    const period = scale.label(periodKey);
    const profile = profiles.get(p.customer);
    for (const label of [period, TOTAL]) {
      tally(label, ALL, ALL, who, repeat);
      segments.forEach((s, j) => {
        const value = profile?.segments[s.id] ?? NOT_SURVEYED;
        valuesSeen[j].add(value);
        tally(label, s.id, value, who, repeat);
      });
    }
  }
  const periods = [...periodKeys].sort((a, b) => a - b).map((k) => scale.label(k));
  const groups: [string, string][] = [[ALL, ALL]];
  segments.forEach((s, j) => {
    const values = [...valuesSeen[j]].filter((v) => v !== NOT_SURVEYED);
    for (const v of orderSegmentValues(values, s.order)) groups.push([s.id, v]);
    if (valuesSeen[j].has(NOT_SURVEYED)) groups.push([s.id, NOT_SURVEYED]);
  });
  const rows: LoyaltyRow[] = [];
  for (const period of [...periods, TOTAL]) {
    for (const [segment, value] of groups) {
      const t = cells.get(`${period}\u0000${segment}\u0000${value}`);
      if (t) rows.push(loyaltyRow(period, segment, value, t, suppress));
    }
  }
  return { rows, periods };
}

/**
 * Over the whole span only, from per-customer records (a summary input has no dates): each
 * customer's purchase days, of which all but the first are repeat purchases.
 */
export function repeatRatesFromActivity(
  activity: readonly CustomerActivity[],
  { segments, profiles, suppress }: Omit<RepeatRateOptions, 'scale'>,
): LoyaltyRow[] {
  const groups = new Map<string, Tally>();
  const add = (segment: string, value: string, who: number, days: number) => {
    const key = `${segment}\u0000${value}`;
    let t = groups.get(key);
    if (!t) groups.set(key, (t = { purchases: 0, repeats: 0, customers: new Set(), repeatCustomers: new Set() }));
    t.purchases += days;
    t.repeats += days - 1;
    t.customers.add(who);
    if (days > 1) t.repeatCustomers.add(who);
  };
  activity.forEach((a, who) => {
    add(ALL, ALL, who, a.purchaseDays);
    const profile = profiles.get(a.customer);
    for (const s of segments) add(s.id, profile?.segments[s.id] ?? NOT_SURVEYED, who, a.purchaseDays);
  });
  const order: [string, string][] = [[ALL, ALL]];
  for (const s of segments) {
    const values = [...groups.keys()].filter((k) => k.startsWith(`${s.id}\u0000`)).map((k) => k.slice(s.id.length + 1));
    for (const v of orderSegmentValues(values.filter((v) => v !== NOT_SURVEYED), s.order)) order.push([s.id, v]);
    if (values.includes(NOT_SURVEYED)) order.push([s.id, NOT_SURVEYED]);
  }
  return order.map(([segment, value]) => loyaltyRow(TOTAL, segment, value, groups.get(`${segment}\u0000${value}`)!, suppress));
}

function loyaltyRow(period: string, segment: string, value: string, t: Tally, suppress: number): LoyaltyRow {
  const customers = t.customers.size;
  const suppressed = customers < suppress;
  const shown = (v: number) => (suppressed ? null : v);
  return {
    period,
    segment,
    segment_value: value,
    purchases: shown(t.purchases),
    repeat_purchases: shown(t.repeats),
    repeat_rate: shown(t.repeats / t.purchases),
    customers,
    repeat_customers: shown(t.repeatCustomers.size),
    customer_repeat_rate: shown(t.repeatCustomers.size / customers),
    suppressed,
  };
}
