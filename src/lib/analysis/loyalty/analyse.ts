/**
 * The whole loyalty and CLV analysis of one survey (pure: the transactions and responses
 * are passed in). Everything per customer stays in `customers`, which only the analyst's
 * `metrics --out` folder writes; every other field is aggregated and safe to publish.
 */
import type { SurveyConfig } from '../../config/types';
import type { Responses } from '../../ingest/types';
import type { Transactions, TransactionAccounting, TransactionRejectedRow } from '../../ingest/transaction-types';
import { simpleClv } from '../clv/simple-clv';
import { activityFromPurchases, activityFromSummaries, purchaseSpan } from './customer-activity';
import { customerProfiles } from './customer-profile';
import { cohortRetention } from './cohorts';
import { clvByGroup } from './clv-groups';
import { fitClv, holdoutCheck, summaryFromPurchases, type ClvFit, type CustomerSummary, type HoldoutReport } from './clv-fit';
import { loyaltyGroups, satisfactionLoyaltyRows } from './satisfaction-loyalty';
import { loyaltyTests } from './loyalty-tests';
import { isoDay, periodScale } from './periods';
import { repeatRates, repeatRatesFromActivity } from './repeat-rate';
import { rfmScores, type RfmScore } from './rfm-scores';
import { simpleClvWindow, type SimpleClvWindow } from './simple-clv-inputs';
import type { ClvSegmentRow, CohortRow, CustomerActivity, CustomerProfile, LoyaltyRow, LoyaltyTestRow, SatisfactionLoyaltyRow } from './types';

export interface SimpleClvReport {
  /** Margin per customer per time unit: revenue per active customer per unit × margin rate. */
  margin_per_unit: number | null;
  revenue_per_unit: number | null;
  window_units: number | null;
  retention: number | null;
  retention_source: 'survey definition' | 'estimated' | null;
  clv: number | null;
}

export interface LoyaltyModel {
  source: 'purchases' | 'summary';
  currency: string;
  unit: 'week' | 'month';
  accounting: TransactionAccounting;
  rejected: TransactionRejectedRow[];
  /** First and last purchase day (YYYY-MM-DD); null for a summary input. */
  span: { first: string; last: string } | null;
  /** Period labels of the purchases in time order (the survey's granularity). */
  periods: string[];
  loyalty: LoyaltyRow[];
  cohorts: CohortRow[];
  satisfaction: SatisfactionLoyaltyRow[];
  tests: LoyaltyTestRow[];
  /** Survey customers found in the transactions, of all surveyed customers. */
  match: { surveyed: number; matched: number; customers: number };
  clv: Omit<ClvFit, 'customers'> & { simple: SimpleClvReport; groups: ClvSegmentRow[] };
  /** Per customer, with ids: NEVER published; only `metrics --out` writes it (perCustomerClvTable). */
  customers: CustomerRecord[];
}

export interface CustomerRecord {
  customer: string;
  activity: CustomerActivity;
  rfm: RfmScore;
  x: number;
  tx: number;
  T: number;
  pAlive: number | null;
  expectedSpend: number | null;
  clv: number | null;
}

function asSummary(t: Extract<Transactions, { kind: 'summary' }>): CustomerSummary {
  return { customer: t.customer, x: t.x, tx: t.tx, T: t.T, zbar: t.monetary };
}

export function buildLoyalty(config: SurveyConfig, responses: Responses, transactions: Transactions): LoyaltyModel {
  const source = config.transactions!;
  const settings = { unit: source.timeUnit, margin: source.margin, discountRate: source.discountRate, horizon: source.horizon };
  const suppress = config.thresholds.suppress;
  const profiles = customerProfiles(responses, config);
  const overall = config.questions.find((q) => q.role === 'overall');
  const levels = overall ? Array.from({ length: overall.scale.points }, (_, i) => overall.scale.min + i) : [];
  const hasNps = config.questions.some((q) => q.role === 'nps');

  let activity: CustomerActivity[];
  let loyalty: LoyaltyRow[];
  let periods: string[] = [];
  let cohorts: CohortRow[] = [];
  let summary: CustomerSummary;
  let holdout: HoldoutReport | string | null = null;
  let span: LoyaltyModel['span'] = null;
  let asOf = NaN;
  let windowFor: (include?: (c: string) => boolean) => SimpleClvWindow | null;
  if (transactions.kind === 'purchases') {
    const purchases = transactions.purchases;
    const s = purchaseSpan(purchases);
    span = { first: isoDay(s.firstDay), last: isoDay(s.lastDay) };
    asOf = s.lastDay;
    activity = activityFromPurchases(purchases, s.lastDay);
    const rates = repeatRates(purchases, { scale: periodScale(config.period), segments: config.segments, profiles, suppress });
    [loyalty, periods] = [rates.rows, rates.periods];
    cohorts = cohortRetention(purchases, periodScale(config.period === 'none' ? 'quarter' : config.period));
    summary = summaryFromPurchases(purchases, source.timeUnit, s.lastDay);
    try {
      holdout = holdoutCheck(purchases, source.timeUnit, s.firstDay, s.lastDay);
    } catch (e) {
      holdout = `the calibration fit failed (${(e as Error).message})`;
    }
    windowFor = (include) => simpleClvWindow(purchases, s, source.timeUnit, include);
  } else {
    activity = activityFromSummaries(transactions, source.timeUnit);
    loyalty = repeatRatesFromActivity(activity, { segments: config.segments, profiles, suppress });
    summary = asSummary(transactions);
    holdout = 'a summary input has no purchase dates to hold out';
    windowFor = () => null;
  }

  const satisfactionGroups = levels.length ? loyaltyGroups(activity, profiles, 'satisfaction', levels) : [];
  const npsGroups = hasNps ? loyaltyGroups(activity, profiles, 'nps', levels) : [];
  const alpha = config.thresholds.alpha;
  const satisfaction = satisfactionLoyaltyRows([...satisfactionGroups, ...npsGroups], suppress);
  const tests = [...loyaltyTests(satisfactionGroups, 'satisfaction', alpha, suppress), ...loyaltyTests(npsGroups, 'nps', alpha, suppress)];

  const fit = fitClv(summary, settings, holdout);
  const simpleFor = (include?: (c: string) => boolean): SimpleClvReport => {
    const w = windowFor(include);
    const revenue = w ? w.revenuePerUnit : repeatRevenuePerUnit(summary, include);
    const retention = source.retention ?? w?.retention ?? null;
    const margin = revenue === null ? null : revenue * source.margin;
    const clv = margin !== null && retention !== null
      ? simpleClv({ margin, retention, discountRate: fit.discountRatePerUnit, periods: source.horizon })
      : null;
    return {
      margin_per_unit: margin, revenue_per_unit: revenue, window_units: w?.units ?? null, retention,
      retention_source: source.retention !== undefined ? 'survey definition' : w?.retention != null ? 'estimated' : null, clv,
    };
  };
  const simple = simpleFor();
  const scored = fit.customers;
  const groups = clvByGroup(scored.map((c) => c.customer), scored.map((c) => c.clv), {
    segments: config.segments, levels, hasNps, profiles, suppress,
    simpleClv: (by, _group, include) => (by === 'all' ? simple.clv : simpleFor(include).clv),
  });

  const rfm = rfmScores(activity, asOf);
  const byCustomer = new Map(scored.map((c) => [c.customer, c]));
  const inSummary = new Map(summary.customer.map((c, i) => [c, i]));
  const customers: CustomerRecord[] = activity.map((a, i) => {
    const c = byCustomer.get(a.customer);
    const k = inSummary.get(a.customer);
    return {
      customer: a.customer, activity: a, rfm: rfm[i],
      x: k === undefined ? NaN : summary.x[k], tx: k === undefined ? NaN : summary.tx[k], T: k === undefined ? NaN : summary.T[k],
      pAlive: c?.pAlive ?? null, expectedSpend: c?.expectedSpend ?? null, clv: c?.clv ?? null,
    };
  });
  const clvRest: Omit<ClvFit, 'customers'> = {
    bgnbd: fit.bgnbd, gammaGamma: fit.gammaGamma, spendModel: fit.spendModel, discountRatePerUnit: fit.discountRatePerUnit, holdout: fit.holdout, notes: fit.notes,
  };
  return {
    source: transactions.kind, currency: source.currency, unit: source.timeUnit,
    accounting: transactions.accounting, rejected: transactions.rejected, span, periods, loyalty, cohorts, satisfaction, tests,
    match: matchCounts(profiles, activity),
    clv: { ...clvRest, simple, groups },
    customers,
  };
}

/** For a summary input: repeat revenue (x·z̄) per unit of customer age, pooled. */
function repeatRevenuePerUnit(s: CustomerSummary, include: (c: string) => boolean = () => true): number | null {
  let revenue = 0;
  let age = 0;
  s.customer.forEach((c, i) => {
    if (!include(c)) return;
    revenue += s.x[i] * s.zbar[i];
    age += s.T[i];
  });
  return age > 0 ? revenue / age : null;
}

function matchCounts(profiles: ReadonlyMap<string, CustomerProfile>, activity: readonly CustomerActivity[]): LoyaltyModel['match'] {
  const matched = activity.filter((a) => profiles.has(a.customer)).length;
  return { surveyed: profiles.size, matched, customers: activity.length };
}
