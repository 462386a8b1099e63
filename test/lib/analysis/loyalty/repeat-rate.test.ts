import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Segment } from '../../../../src/lib/config';
import { repeatRates, repeatRatesFromActivity, NOT_SURVEYED } from '../../../../src/lib/analysis/loyalty/repeat-rate';
import { cohortRetention } from '../../../../src/lib/analysis/loyalty/cohorts';
import { periodScale } from '../../../../src/lib/analysis/loyalty/periods';
import type { CustomerActivity } from '../../../../src/lib/analysis/loyalty/types';
import { day, profiles, purchases } from './fixture';

const segments: Segment[] = [{ id: 'plan', column: 'plan', label: { en: 'Plan', 'zh-CN': 'Plan' }, order: ['B', 'A'], valueLabels: {} }];
const quarters = periodScale('quarter');

/*
 * Worked by hand from fixture.ts (a repeat purchase = a later day than the customer's first day):
 *   2025-Q1: C1 ×3 (two on the first day, 02-10 a repeat), C2 ×1 → 4 purchases, 1 repeat; customers 2, repeat customers 1
 *   2025-Q2: C3 ×2 (05-01 a repeat), C4 ×1 → 3 purchases, 1 repeat; customers 2, repeat customers 1
 *   2025-Q3: C1 07-01 (repeat) → 1, 1; 1, 1        2025-Q4: C4 10-01 (repeat) → 1, 1; 1, 1
 *   total: 9 purchases, 4 repeats (4/9); customers 4, with ≥ 2 purchase days C1, C3, C4 → 3/4
 *   plan A (C1, C3): 6 purchases, 3 repeats; 2 customers, 2 repeat · plan B (C2): 1, 0; 1, 0 · not surveyed (C4): 2, 1; 1, 1
 */
describe('repeatRates', () => {
  const { rows, periods } = repeatRates(purchases, { scale: quarters, segments, profiles, suppress: 1 });
  const pick = (period: string, segment = 'all', value = 'all') => rows.find((r) => r.period === period && r.segment === segment && r.segment_value === value)!;

  it('counts purchases, repeat purchases and customers per period', () => {
    expect(periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(pick('2025-Q1')).toMatchObject({ purchases: 4, repeat_purchases: 1, repeat_rate: 0.25, customers: 2, repeat_customers: 1, customer_repeat_rate: 0.5 });
    expect(pick('2025-Q2')).toMatchObject({ purchases: 3, repeat_purchases: 1, repeat_rate: 1 / 3, customers: 2, repeat_customers: 1 });
    expect(pick('2025-Q3')).toMatchObject({ purchases: 1, repeat_purchases: 1, repeat_rate: 1, customers: 1 });
    expect(pick('2025-Q4')).toMatchObject({ purchases: 1, repeat_purchases: 1, repeat_rate: 1, customers: 1 });
  });

  it('over the whole span: repeat purchases / purchases and customers with ≥ 2 purchase days / customers', () => {
    expect(pick('total')).toMatchObject({ purchases: 9, repeat_purchases: 4, repeat_rate: 4 / 9, customers: 4, repeat_customers: 3, customer_repeat_rate: 0.75 });
  });

  it('splits by the segment of the latest survey response, in the survey order, the never-surveyed last', () => {
    expect(rows.filter((r) => r.period === 'total' && r.segment === 'plan').map((r) => r.segment_value)).toEqual(['B', 'A', NOT_SURVEYED]);
    expect(pick('total', 'plan', 'A')).toMatchObject({ purchases: 6, repeat_purchases: 3, repeat_rate: 0.5, customers: 2, repeat_customers: 2 });
    expect(pick('total', 'plan', 'B')).toMatchObject({ purchases: 1, repeat_purchases: 0, repeat_rate: 0, customers: 1, repeat_customers: 0 });
    expect(pick('total', 'plan', NOT_SURVEYED)).toMatchObject({ purchases: 2, repeat_purchases: 1, customers: 1, repeat_customers: 1 });
  });

  it('keeps only the customer count of a cell below the suppression threshold', () => {
    const small = repeatRates(purchases, { scale: quarters, segments, profiles, suppress: 2 }).rows;
    const b = small.find((r) => r.period === 'total' && r.segment_value === 'B')!;
    expect(b).toMatchObject({ customers: 1, purchases: null, repeat_rate: null, repeat_customers: null, suppressed: true });
  });

  it('labels periods as the survey does', () => {
    expect(repeatRates(purchases, { scale: periodScale('month'), segments: [], profiles, suppress: 1 }).periods).toEqual(['2025-01', '2025-02', '2025-04', '2025-05', '2025-07', '2025-10']);
    expect(repeatRates(purchases, { scale: periodScale('year'), segments: [], profiles, suppress: 1 }).periods).toEqual(['2025']);
  });

  it('counts every order once, orders on a customer\'s first day as first purchases (property)', () => {
    const purchase = fc.record({ customer: fc.constantFrom('a', 'b', 'c', 'd'), day: fc.integer({ min: 20000, max: 20400 }), amount: fc.constant(1) });
    fc.assert(
      fc.property(fc.array(purchase, { minLength: 1, maxLength: 40 }), (ps) => {
        const total = repeatRates(ps, { scale: quarters, segments: [], profiles: new Map(), suppress: 1 }).rows.find((r) => r.period === 'total')!;
        // Orders on a customer's first day are first purchases; every other order is a repeat.
        const firsts = new Map<string, number>();
        for (const p of ps) firsts.set(p.customer, Math.min(firsts.get(p.customer) ?? Infinity, p.day));
        const onFirstDay = ps.filter((p) => p.day === firsts.get(p.customer)).length;
        return total.purchases === ps.length && total.repeat_purchases === ps.length - onFirstDay && total.customers === firsts.size;
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('repeatRatesFromActivity (summary input)', () => {
  it('counts purchase days, all but the first being repeats', () => {
    const a = (customer: string, purchaseDays: number): CustomerActivity => ({ customer, orders: purchaseDays, purchaseDays, years: 1, totalSpend: NaN, meanSpend: NaN, firstDay: NaN, lastDay: NaN });
    const rows = repeatRatesFromActivity([a('C1', 3), a('C2', 1), a('C4', 2)], { segments, profiles, suppress: 1 });
    expect(rows[0]).toMatchObject({ period: 'total', segment: 'all', purchases: 6, repeat_purchases: 3, repeat_rate: 0.5, customers: 3, repeat_customers: 2 });
    expect(rows.map((r) => r.segment_value)).toEqual(['all', 'B', 'A', NOT_SURVEYED]);
  });
});

/*
 * Cohorts by hand: 2025-Q1 = {C1, C2}: C1 buys in Q1 and Q3, C2 in Q1 → k0 2/2, k1 0/2, k2 1/2, k3 0/2.
 * 2025-Q2 = {C3, C4}: C3 in Q2, C4 in Q2 and Q4 → k0 2/2, k1 0/2, k2 1/2. The data end in 2025-Q4.
 */
describe('cohortRetention', () => {
  it('gives the share of each first-purchase cohort buying k periods later', () => {
    const rows = cohortRetention(purchases, quarters);
    expect(rows.map((r) => [r.cohort, r.period_index, r.period, r.customers, r.active, r.retention])).toEqual([
      ['2025-Q1', 0, '2025-Q1', 2, 2, 1],
      ['2025-Q1', 1, '2025-Q2', 2, 0, 0],
      ['2025-Q1', 2, '2025-Q3', 2, 1, 0.5],
      ['2025-Q1', 3, '2025-Q4', 2, 0, 0],
      ['2025-Q2', 0, '2025-Q2', 2, 2, 1],
      ['2025-Q2', 1, '2025-Q3', 2, 0, 0],
      ['2025-Q2', 2, '2025-Q4', 2, 1, 0.5],
    ]);
  });

  it('starts every cohort at 1 and never exceeds it (property)', () => {
    const purchase = fc.record({ customer: fc.constantFrom('a', 'b', 'c'), day: fc.integer({ min: day('2025-01-01'), max: day('2026-12-31') }), amount: fc.constant(1) });
    fc.assert(
      fc.property(fc.array(purchase, { minLength: 1, maxLength: 30 }), (ps) =>
        cohortRetention(ps, quarters).every((r) => (r.period_index === 0 ? r.retention === 1 : r.retention >= 0 && r.retention <= 1))),
      { seed: 3, numRuns: 100 },
    );
  });
});
