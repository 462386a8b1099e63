import { describe, expect, it } from 'vitest';
import { simpleClvWindow, windowUnits } from '../../../../src/lib/analysis/loyalty/simple-clv-inputs';
import { fitClv, holdoutCheck, summaryFromPurchases } from '../../../../src/lib/analysis/loyalty/clv-fit';
import { clvByGroup } from '../../../../src/lib/analysis/loyalty/clv-groups';
import { NOT_SURVEYED } from '../../../../src/lib/analysis/loyalty/repeat-rate';
import { simulateBgnbd } from '../../../../src/lib/analysis/clv/simulate';
import { mulberry32 } from '../../../../src/lib/util/random';
import type { Purchase } from '../../../../src/lib/ingest/transaction-types';
import type { CustomerProfile } from '../../../../src/lib/analysis/loyalty/types';

describe('simple CLV inputs', () => {
  it('uses a year-long window when two fit in the data, else the longest that does', () => {
    // 730 days: 2·round(12·30.4375) = 730 ≤ 730 → 12 months; 400 days: 2·round(6·30.4375) = 366 → 6.
    expect(windowUnits(0, 729, 'month')).toBe(12);
    expect(windowUnits(0, 399, 'month')).toBe(6);
    expect(windowUnits(0, 729, 'week')).toBe(52);
    expect(windowUnits(0, 10, 'month')).toBe(1);
  });

  it('measures revenue per active customer per unit and the retention between two windows', () => {
    // Windows of 365 days: previous (−1, 364], last (364, 729]. A buys in both, B only in the
    // previous, C only in the last. Last window: A 240 + C 120 = 360 from 2 customers over 12
    // months → 15 per customer-month; retention (1 of A, B kept)^(1/12) = 0.5^(1/12) = 0.943874.
    const ps: Purchase[] = [
      { customer: 'A', day: 0, amount: 999 }, { customer: 'A', day: 400, amount: 240 },
      { customer: 'B', day: 100, amount: 50 }, { customer: 'C', day: 500, amount: 120 }, { customer: 'C', day: 729, amount: 0 },
    ];
    const w = simpleClvWindow(ps, { firstDay: 0, lastDay: 729 }, 'month');
    expect(w).toMatchObject({ units: 12, activeCustomers: 2, revenue: 360 });
    expect(w.revenuePerUnit).toBe(15);
    expect(w.retention).toBeCloseTo(0.943874, 6);
    expect(simpleClvWindow(ps, { firstDay: 0, lastDay: 729 }, 'month', (c) => c === 'C')).toMatchObject({ revenuePerUnit: 10, retention: null });
  });
});

/** Purchases from a BG/NBD with known parameters (seeded), in whole days. */
function simulatedPurchases(customers: number, seed: number): Purchase[] {
  const random = mulberry32(seed);
  const params = { r: 0.5, alpha: 8, a: 0.6, b: 3 };
  const ages = Float64Array.from({ length: customers }, () => 104 - Math.floor(random() * 26)); // weeks
  const sim = simulateBgnbd(params, ages, random);
  const out: Purchase[] = [];
  const end = 730;
  for (let i = 0; i < customers; i++) {
    const first = end - Math.round(ages[i] * 7);
    out.push({ customer: `c${i}`, day: first, amount: 20 + (i % 7) });
    // Spread x repeat purchases evenly up to tₓ (their exact times do not matter to this check).
    for (let k = 1; k <= sim.x[i]; k++) out.push({ customer: `c${i}`, day: first + Math.max(1, Math.round((sim.tx[i] * 7 * k) / sim.x[i])), amount: 15 + ((i + k) % 11) });
  }
  return out;
}

describe('fitClv and holdoutCheck', () => {
  const purchases = simulatedPurchases(1500, 42);
  const settings = { unit: 'week' as const, margin: 0.5, discountRate: 0.1, horizon: 52 };

  it('fits both models, scores every customer and reports the fits', () => {
    const summary = summaryFromPurchases(purchases, 'week', 730);
    const fit = fitClv(summary, settings, null);
    expect(fit.bgnbd?.converged).toBe(true);
    expect(fit.customers).toHaveLength(1500);
    expect(fit.customers.every((c) => c.clv >= 0 && c.pAlive > 0 && c.pAlive <= 1)).toBe(true);
    // Weekly discount from 10% a year: 1.1^(7/365.25) − 1.
    expect(fit.discountRatePerUnit).toBeCloseTo(Math.pow(1.1, 7 / 365.25) - 1, 14);
  });

  it('compares predicted with actual holdout purchases when the data span a year', () => {
    const h = holdoutCheck(purchases, 'week', 0, 730);
    if (typeof h === 'string') throw new Error(h);
    expect(h.calibration_end).toBe('1971-07-02');
    expect(h.holdout_length).toBeCloseTo(183 / 7, 12);
    expect(h.actual_total).toBe(h.buckets.reduce((s, b) => s + b.actual_mean * b.customers, 0));
    expect(holdoutCheck(purchases, 'week', 400, 730)).toMatch(/needs at least 366/);
  });

  it('says why there is no model when nobody bought twice', () => {
    const once = summaryFromPurchases([{ customer: 'a', day: 1, amount: 5 }, { customer: 'b', day: 3, amount: 5 }], 'week', 10);
    const fit = fitClv(once, settings, 'too short');
    expect(fit.bgnbd).toBeNull();
    expect(fit.notes).toEqual(['no holdout check: too short', 'no customer made a repeat purchase, so the BG/NBD cannot be fitted']);
  });
});

describe('clvByGroup', () => {
  const profiles = new Map<string, CustomerProfile>([
    ['a', { segments: { plan: 'P' }, satisfaction: 5, npsGroup: 'promoter' }],
    ['b', { segments: { plan: 'P' }, satisfaction: 1, npsGroup: null }],
    ['c', { segments: { plan: 'Q' }, satisfaction: NaN, npsGroup: 'detractor' }],
  ]);
  const rows = clvByGroup(['a', 'b', 'c', 'd'], [10, 20, 30, 100], {
    segments: [{ id: 'plan', column: 'plan', label: { en: 'Plan', 'zh-CN': 'Plan' }, order: ['Q', 'P'], valueLabels: {} }],
    levels: [1, 2, 3, 4, 5], hasNps: true, profiles, suppress: 1, simpleClv: () => 7,
  });
  const of = (by: string) => rows.filter((r) => r.group_by === by).map((r) => [r.group, r.customers, r.clv_mean, r.clv_median, r.clv_total]);

  it('sums up by all, segment, satisfaction level and NPS group, the never-surveyed apart', () => {
    expect(of('all')).toEqual([['all', 4, 40, 25, 160]]);
    expect(of('plan')).toEqual([['Q', 1, 30, 30, 30], ['P', 2, 15, 15, 30], [NOT_SURVEYED, 1, 100, 100, 100]]);
    expect(of('satisfaction')).toEqual([['1', 1, 20, 20, 20], ['5', 1, 10, 10, 10], [NOT_SURVEYED, 1, 100, 100, 100]]);
    expect(of('nps')).toEqual([['detractor', 1, 30, 30, 30], ['promoter', 1, 10, 10, 10], [NOT_SURVEYED, 1, 100, 100, 100]]);
    expect(rows.every((r) => r.simple_clv === 7)).toBe(true);
  });
});
