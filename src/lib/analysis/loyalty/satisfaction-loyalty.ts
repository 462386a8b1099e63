/**
 * Satisfaction → loyalty: for respondents who are also customers, by the overall-satisfaction
 * level or NPS group of their latest answer — repeat rate (customers with ≥ 2 purchase days,
 * Wilson interval), purchase frequency (purchase days per customer-year, a ratio of sums with
 * a t interval) and spend (mean over customers of their mean order value, t interval).
 * An association, not a causal effect: see docs/loyalty.md.
 */
import { meanIntervalFromSummary } from '../../metrics/mean-interval';
import { wilsonInterval } from '../../metrics/wilson';
import { ratioEstimate } from './ratio-estimate';
import { NPS_GROUPS, type CustomerActivity, type CustomerProfile, type LoyaltyGroupBy, type SatisfactionLoyaltyRow } from './types';

export interface LoyaltyGroup {
  group_by: LoyaltyGroupBy;
  level: string;
  members: CustomerActivity[];
}

export interface LoyaltyStats {
  customers: number;
  repeatCustomers: number;
  repeat: { share: number; low: number; high: number } | null;
  frequency: { value: number; se: number | null; low: number | null; high: number | null } | null;
  spend: { mean: number; sd: number | null; n: number; low: number | null; high: number | null } | null;
}

/** The customers in each level (scale order) or NPS group; customers without that answer are left out. */
export function loyaltyGroups(
  activity: readonly CustomerActivity[],
  profiles: ReadonlyMap<string, CustomerProfile>,
  by: LoyaltyGroupBy,
  levels: readonly number[],
): LoyaltyGroup[] {
  const keys = by === 'satisfaction' ? levels.map(String) : [...NPS_GROUPS];
  const groups = new Map(keys.map((k) => [k, [] as CustomerActivity[]]));
  for (const a of activity) {
    const p = profiles.get(a.customer);
    if (!p) continue;
    const key = by === 'satisfaction' ? (Number.isFinite(p.satisfaction) ? String(p.satisfaction) : null) : p.npsGroup;
    if (key !== null) groups.get(key)?.push(a);
  }
  return keys.map((level) => ({ group_by: by, level, members: groups.get(level)! }));
}

export function loyaltyStats(members: readonly CustomerActivity[]): LoyaltyStats {
  const n = members.length;
  const repeatCustomers = members.filter((a) => a.purchaseDays >= 2).length;
  const repeat = n > 0 ? wilsonInterval(repeatCustomers, n) : null;
  const rate = ratioEstimate(members.map((a) => a.purchaseDays), members.map((a) => a.years));
  const spends = members.map((a) => a.meanSpend).filter(Number.isFinite);
  let spend: LoyaltyStats['spend'] = null;
  if (spends.length > 0) {
    const mean = spends.reduce((s, v) => s + v, 0) / spends.length;
    const sd = spends.length > 1 ? Math.sqrt(spends.reduce((s, v) => s + (v - mean) ** 2, 0) / (spends.length - 1)) : null;
    const { low, high } = meanIntervalFromSummary(mean, sd, spends.length);
    spend = { mean, sd, n: spends.length, low, high };
  }
  return {
    customers: n,
    repeatCustomers,
    repeat: repeat && { share: repeat.estimate, low: repeat.low, high: repeat.high },
    frequency: rate && { value: rate.ratio, se: rate.se, low: rate.low === null ? null : Math.max(0, rate.low), high: rate.high },
    spend,
  };
}

/** One row per group; groups with fewer customers than `suppress` keep their count only. */
export function satisfactionLoyaltyRows(groups: readonly LoyaltyGroup[], suppress: number): SatisfactionLoyaltyRow[] {
  return groups.map(({ group_by, level, members }) => {
    const s = loyaltyStats(members);
    const suppressed = s.customers < suppress;
    const v = (x: number | null | undefined) => (suppressed || x === undefined ? null : x);
    return {
      group_by,
      level,
      customers: s.customers,
      repeat_customers: v(s.repeatCustomers),
      repeat_rate: v(s.repeat?.share ?? null),
      repeat_rate_low: v(s.repeat?.low ?? null),
      repeat_rate_high: v(s.repeat?.high ?? null),
      frequency: v(s.frequency?.value ?? null),
      frequency_low: v(s.frequency?.low ?? null),
      frequency_high: v(s.frequency?.high ?? null),
      spend: v(s.spend?.mean ?? null),
      spend_low: v(s.spend?.low ?? null),
      spend_high: v(s.spend?.high ?? null),
      suppressed,
    };
  });
}
