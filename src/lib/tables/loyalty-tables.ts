import type { Model } from '../model/load-model';
import { roundColumn, roundEdge } from '../format';
import type { Cell } from './csv';
import type { OutputTable } from './metric-tables';

/**
 * The loyalty tables: aggregated, so they go wherever the metric tables go (the `metrics`
 * folder and the site's downloads). The one table with customer ids, perCustomerClvTable,
 * is for the analyst's `metrics --out` folder only and is never part of these.
 */
function table(name: string, columns: string[], source: readonly object[]): OutputTable {
  const rows = source.map((r) => {
    const row = r as Record<string, unknown>;
    return Object.fromEntries(columns.map((c) => [c, typeof row[c] === 'number' ? roundColumn(c, row[c] as number) : (row[c] as Cell)]));
  });
  return { name, columns, rows };
}

export function loyaltyTables(model: Model): OutputTable[] {
  const l = model.loyalty;
  if (!l) return [];
  return [
    table('loyalty', ['period', 'segment', 'segment_value', 'purchases', 'repeat_purchases', 'repeat_rate', 'customers', 'repeat_customers', 'customer_repeat_rate', 'suppressed'], l.loyalty),
    table('cohorts', ['cohort', 'period_index', 'period', 'customers', 'active', 'retention'], l.cohorts),
    table('satisfaction_loyalty', [
      'group_by', 'level', 'customers', 'repeat_customers', 'repeat_rate', 'repeat_rate_low', 'repeat_rate_high',
      'frequency', 'frequency_low', 'frequency_high', 'spend', 'spend_low', 'spend_high', 'suppressed',
    ], l.satisfaction),
    table('satisfaction_loyalty_tests', ['group_by', 'metric', 'comparison', 'high', 'low', 'n_high', 'n_low', 'delta', 'delta_low', 'delta_high', 'statistic', 'p', 'significant', 'test'], l.tests),
    table('clv_segments', ['group_by', 'group', 'customers', 'clv_mean', 'clv_median', 'clv_total', 'simple_clv', 'suppressed'], l.clv.groups),
  ];
}

/** Numbers rounded at the edge, recursively (for the JSON object). */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return roundEdge(value);
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** clv_model.json: settings, fitted parameters, log-likelihoods, convergence, the holdout check. Null without transactions. */
export function clvModelJson(model: Model): Record<string, unknown> | null {
  const l = model.loyalty;
  const t = model.config.transactions;
  if (!l || !t) return null;
  const c = l.clv;
  return rounded({
    source: l.source,
    currency: l.currency,
    time_unit: l.unit,
    data: { first_purchase: l.span?.first ?? null, last_purchase: l.span?.last ?? null, customers: l.match.customers, rows_read: l.accounting.rowsRead, rows_used: l.accounting.used, rows_rejected: l.accounting.rejected },
    settings: { margin: t.margin, discount_rate_per_year: t.discountRate, discount_rate_per_unit: c.discountRatePerUnit, horizon: t.horizon, retention: t.retention ?? null },
    calibration_end: l.span?.last ?? null,
    bgnbd: c.bgnbd,
    gamma_gamma: c.gammaGamma,
    spend_model: c.spendModel,
    simple_clv: c.simple,
    holdout: c.holdout,
    notes: c.notes,
  }) as Record<string, unknown>;
}

/**
 * One row per customer WITH the customer id: activity, RFM scores, the BG/NBD inputs,
 * P(alive), expected spend and model CLV. Only the `metrics` command writes it, to its --out
 * folder; it must never be published (null without transactions).
 */
export function perCustomerClvTable(model: Model): OutputTable | null {
  const l = model.loyalty;
  if (!l) return null;
  const columns = [
    'customer', 'orders', 'purchase_days', 'total_spend', 'first_purchase', 'last_purchase', 'recency_days',
    'r_score', 'f_score', 'm_score', 'x', 't_x', 't', 'p_alive', 'expected_spend', 'clv',
  ];
  const day = (d: number) => (Number.isFinite(d) ? new Date(d * 86_400_000).toISOString().slice(0, 10) : null);
  const n = (v: number | null) => (v === null || !Number.isFinite(v) ? null : roundEdge(v));
  const rows = l.customers.map((c) => ({
    customer: c.customer,
    orders: c.activity.orders,
    purchase_days: c.activity.purchaseDays,
    total_spend: n(c.activity.totalSpend),
    first_purchase: day(c.activity.firstDay),
    last_purchase: day(c.activity.lastDay),
    recency_days: n(c.rfm.recencyDays),
    r_score: n(c.rfm.r),
    f_score: n(c.rfm.f),
    m_score: n(c.rfm.m),
    x: n(c.x),
    t_x: n(c.tx),
    t: n(c.T),
    p_alive: n(c.pAlive),
    expected_spend: n(c.expectedSpend),
    clv: n(c.clv),
  }));
  return { name: 'customer_clv', columns, rows };
}
