/**
 * Rows of the loyalty analysis. Shares are stored as 0–1 (shown as percent), as in the
 * metric tables; money is in the survey's `transactions.currency`. Keys follow the table
 * contract (lower_snake_case; `segment = all` for overall rows; `period = total` for the span).
 */

/** Repeat purchases per period × segment value (from the customer's latest survey response). */
export interface LoyaltyRow {
  period: string;
  segment: string;
  segment_value: string;
  /** Orders in the cell; null (as the other counts and rates) when the cell is suppressed. */
  purchases: number | null;
  /** Orders on a later day than the customer's first purchase day. */
  repeat_purchases: number | null;
  /** repeat_purchases / purchases. */
  repeat_rate: number | null;
  /** Customers who bought in the cell. */
  customers: number;
  /** Customers with a repeat purchase in the cell (for `total`: customers with ≥ 2 purchase days). */
  repeat_customers: number | null;
  customer_repeat_rate: number | null;
  suppressed: boolean;
}

/** Share of a first-purchase cohort buying again k periods later. */
export interface CohortRow {
  cohort: string;
  period_index: number;
  period: string;
  /** Cohort size: customers whose first purchase fell in `cohort`. */
  customers: number;
  /** Cohort customers with a purchase in `period`. */
  active: number;
  retention: number;
}

/** Satisfaction level (overall item) or NPS group of a customer's latest answer. */
export type LoyaltyGroupBy = 'satisfaction' | 'nps';
export const NPS_GROUPS = ['detractor', 'passive', 'promoter'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];

/** Loyalty of respondents who are also customers, by satisfaction level or NPS group. */
export interface SatisfactionLoyaltyRow {
  group_by: LoyaltyGroupBy;
  /** Scale value ('1' … '5') or NPS group. */
  level: string;
  customers: number;
  repeat_customers: number | null;
  /** Customers with ≥ 2 purchase days / customers, Wilson 95% interval. */
  repeat_rate: number | null;
  repeat_rate_low: number | null;
  repeat_rate_high: number | null;
  /** Purchase days per customer-year (Σ purchase days / Σ years since first purchase), t interval. */
  frequency: number | null;
  frequency_low: number | null;
  frequency_high: number | null;
  /** Mean over customers of their mean amount per order, t interval. */
  spend: number | null;
  spend_low: number | null;
  spend_high: number | null;
  suppressed: boolean;
}

export type LoyaltyMetric = 'repeat_rate' | 'frequency' | 'spend';

/** Does loyalty rise with satisfaction? A top-against-bottom difference or a linear trend. */
export interface LoyaltyTestRow {
  group_by: LoyaltyGroupBy;
  metric: LoyaltyMetric;
  /** top2_vs_bottom2, promoters_vs_detractors, or linear_trend (slope per scale point). */
  comparison: 'top2_vs_bottom2' | 'promoters_vs_detractors' | 'linear_trend';
  /** The metric on each side (null for linear_trend). */
  high: number | null;
  low: number | null;
  /** Customers on each side; for linear_trend both are all customers in the test. */
  n_high: number;
  n_low: number;
  /** high − low; for linear_trend the change in the repeat share per scale point. */
  delta: number | null;
  delta_low: number | null;
  delta_high: number | null;
  statistic: number | null;
  p: number | null;
  significant: boolean | null;
  test: 'two_proportion_z' | 'welch_t' | 'cochran_armitage';
}

/** Model CLV summed up per group: all customers, a segment's values, satisfaction levels, NPS groups. */
export interface ClvSegmentRow {
  /** `all`, a segment id, `satisfaction` or `nps`. */
  group_by: string;
  group: string;
  customers: number;
  clv_mean: number | null;
  clv_median: number | null;
  clv_total: number | null;
  /** The simple formula with the group's own revenue per active customer (null without retention). */
  simple_clv: number | null;
  suppressed: boolean;
}

/** What one customer did, the input of every per-customer measure (ids stay in the model). */
export interface CustomerActivity {
  customer: string;
  /** Orders (rows), or purchase days for a summary input. */
  orders: number;
  /** Distinct purchase days. */
  purchaseDays: number;
  /** Years from the first purchase day to the end of the data (both days counted). */
  years: number;
  totalSpend: number;
  /** Mean amount per order; NaN when unknown (summary input without repeat purchases). */
  meanSpend: number;
  /** Days since 1970-01-01 of the first and last purchase; NaN for a summary input. */
  firstDay: number;
  lastDay: number;
}

/** A customer's attributes from their latest survey response; absent when never surveyed. */
export interface CustomerProfile {
  segments: Record<string, string>;
  /** Overall-satisfaction answer of the latest response that gave one; NaN when none. */
  satisfaction: number;
  npsGroup: NpsGroup | null;
}
