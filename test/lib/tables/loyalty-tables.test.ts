import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/lib/model';
import { metricTables } from '../../../src/lib/tables/metric-tables';
import { publishedTables } from '../../../src/lib/tables/published-tables';
import { clvModelJson, loyaltyTables, perCustomerClvTable } from '../../../src/lib/tables/loyalty-tables';

/** The sample survey: 9,056 purchases by 2,900 customers; satisfied customers planted to buy more often and churn less. */
describe('loyalty on the sample', () => {
  const model = loadModel(path.resolve('data/survey.yaml'));
  const l = model.loyalty!;

  it('builds the loyalty tables with the contract columns', () => {
    const tables = loyaltyTables(model);
    expect(tables.map((t) => t.name)).toEqual(['loyalty', 'cohorts', 'satisfaction_loyalty', 'satisfaction_loyalty_tests', 'clv_segments']);
    expect(tables[0].columns.slice(0, 9)).toEqual(['period', 'segment', 'segment_value', 'purchases', 'repeat_purchases', 'repeat_rate', 'customers', 'repeat_customers', 'customer_repeat_rate']);
    const total = tables[0].rows.find((r) => r.period === 'total' && r.segment === 'all')!;
    expect(total).toMatchObject({ purchases: 9056, customers: 2900 });
    for (const t of tables) expect(metricTables(model).some((m) => m.name === t.name)).toBe(true);
  });

  it('shows the planted link: repeat rate rises with satisfaction, and the top levels beat the bottom', () => {
    const levels = l.satisfaction.filter((r) => r.group_by === 'satisfaction' && !r.suppressed && r.customers >= 30);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < levels.length; i++) expect(levels[i].repeat_rate!).toBeGreaterThan(levels[i - 1].repeat_rate!);
    const trend = l.tests.find((t) => t.group_by === 'satisfaction' && t.comparison === 'linear_trend')!;
    expect(trend.delta!).toBeGreaterThan(0);
    expect(trend.significant).toBe(true);
    const frequency = l.tests.find((t) => t.group_by === 'satisfaction' && t.metric === 'frequency' && t.comparison === 'top2_vs_bottom2')!;
    expect(frequency.delta!).toBeGreaterThan(0);
    expect(frequency.significant).toBe(true);
    const repeat = l.tests.find((t) => t.group_by === 'satisfaction' && t.metric === 'repeat_rate' && t.comparison === 'top2_vs_bottom2')!;
    expect(repeat.delta!).toBeGreaterThan(0);
    const promoters = l.tests.find((t) => t.group_by === 'nps' && t.metric === 'repeat_rate' && t.comparison === 'promoters_vs_detractors')!;
    expect(promoters.delta!).toBeGreaterThan(0);
    expect(promoters.significant).toBe(true);
  });

  it('fits the BG/NBD, runs the six-month holdout check and writes clv_model.json', () => {
    const json = clvModelJson(model)!;
    expect(json.bgnbd).toMatchObject({ converged: true, customers: 2900 });
    const holdout = json.holdout as { calibration_end: string; holdout_end: string; relative_error: number };
    expect(holdout.holdout_end).toBe('2026-12-31');
    expect(holdout.calibration_end).toBe('2026-07-01');
    expect(Math.abs(holdout.relative_error)).toBeLessThan(0.15);
    expect(l.clv.groups.find((g) => g.group_by === 'all')!.customers).toBe(2900);
  });

  it('publishes no customer id in any table; only the per-customer table has them', () => {
    const ids = new Set(l.customers.map((c) => c.customer));
    expect(ids.size).toBe(2900);
    for (const t of [...metricTables(model), ...publishedTables(model)]) {
      for (const row of t.rows) {
        for (const v of Object.values(row)) {
          if (typeof v === 'string') expect(ids.has(v) || [...v.matchAll(/C\d{5}/g)].some((m) => ids.has(m[0])), `${t.name}: ${v}`).toBe(false);
        }
      }
    }
    expect(JSON.stringify(clvModelJson(model))).not.toMatch(/C\d{5}/);
    const perCustomer = perCustomerClvTable(model)!;
    expect(perCustomer.rows).toHaveLength(2900);
    expect(ids.has(perCustomer.rows[0].customer as string)).toBe(true);
  });
});
