import { describe, expect, it } from 'vitest';
import { buildRfmSummary, epochDay, type Transaction } from '../../../../src/lib/analysis/clv/rfm-summary';
import { loadCdnowSummary, loadCdnowTransactions } from './cdnow-fixture';

describe('buildRfmSummary on raw CDNOW purchases', () => {
  const summary = buildRfmSummary(loadCdnowTransactions(), {
    calibrationEnd: epochDay(1997, 9, 30),
    holdoutEnd: epochDay(1998, 6, 30),
    unit: 'week',
  });
  const given = loadCdnowSummary();

  it('matches the published summary for all 2,357 customers', () => {
    expect(summary.customer).toHaveLength(2357);
    expect(summary.excludedCustomers).toBe(0);
    const row = new Map(summary.customer.map((id, i) => [id, i]));
    let worst = { tx: 0, T: 0, zbar: 0 };
    given.id.forEach((id, k) => {
      const i = row.get(id)!;
      expect(summary.x[i]).toBe(given.x[k]);
      worst = {
        tx: Math.max(worst.tx, Math.abs(summary.tx[i] - given.tx[k])),
        T: Math.max(worst.T, Math.abs(summary.T[i] - given.T[k])),
        zbar: Math.max(worst.zbar, Math.abs(summary.zbar[i] - given.zbar[k])),
      };
    });
    // The given file is rounded to 2 decimals.
    expect(worst.tx).toBeLessThanOrEqual(0.01);
    expect(worst.T).toBeLessThanOrEqual(0.01);
    expect(worst.zbar).toBeLessThanOrEqual(0.01);
  });

  it('counts holdout purchase days', () => {
    // 1998-06-30 − 1997-09-30 = 273 days = 39 weeks. Distinct (customer, day) pairs after 1997-09-30
    // in CDNOW_sample.txt: 1,882 (by `awk '$3>19970930{print $2,$3}' | sort -u | wc -l`).
    expect(summary.holdoutLength).toBe(39);
    expect(summary.holdoutPurchases!.reduce((s, v) => s + v, 0)).toBe(1882);
    // Customer 1 bought on 1997-12-12 only, after the calibration.
    expect(summary.holdoutPurchases![summary.customer.indexOf('1')]).toBe(1);
  });
});

describe('buildRfmSummary conventions', () => {
  const day = (d: number) => epochDay(2024, 1, 1) + d;
  const rows: Transaction[] = [
    { customer: 'b', date: day(10), amount: 5 },
    { customer: 'a', date: day(14), amount: 20 },
    { customer: 'a', date: day(0), amount: 10 },
    { customer: 'a', date: day(0), amount: 2 }, // same day as the first: part of the first purchase
    { customer: 'a', date: day(7), amount: 30 },
    { customer: 'a', date: day(7), amount: 6 }, // same day: one purchase of 36
    { customer: 'a', date: day(30), amount: 99 }, // holdout
    { customer: 'a', date: day(30), amount: 1 }, // same holdout day
    { customer: 'a', date: day(40), amount: 1 }, // after the holdout: ignored
    { customer: 'c', date: day(25), amount: 8 }, // first purchase after calibration: not in the cohort
  ];

  it('counts same-day purchases once and sums their amounts', () => {
    const s = buildRfmSummary(rows, { calibrationEnd: day(20), holdoutEnd: day(34), unit: 'week' });
    expect(s.customer).toEqual(['b', 'a']);
    const a = 1;
    // Worked by hand: repeat days 7 (36) and 14 (20) → x 2, tₓ 14/7, T 20/7, z̄ (36 + 20)/2.
    expect([s.x[a], s.tx[a], s.T[a], s.zbar[a]]).toEqual([2, 2, 20 / 7, 28]);
    expect([s.firstPurchase[a], s.firstAmount[a]]).toEqual([day(0), 12]);
    expect(s.holdoutPurchases![a]).toBe(1);
    expect(s.holdoutLength).toBe(2);
    // b: one purchase on day 10 → x 0, tₓ 0, T 10/7, z̄ 0.
    expect([s.x[0], s.tx[0], s.T[0], s.zbar[0]]).toEqual([0, 0, 10 / 7, 0]);
    expect(s.excludedCustomers).toBe(1);
  });

  it('uses 30.4375-day months and needs no holdout', () => {
    const s = buildRfmSummary(rows, { calibrationEnd: day(20), unit: 'month' });
    expect(s.T[1]).toBe(20 / 30.4375);
    expect(s.holdoutPurchases).toBeNull();
    expect(s.holdoutLength).toBeNull();
  });

  it('rejects bad inputs with the value named', () => {
    expect(() => buildRfmSummary([{ customer: 'a', date: 1.5, amount: 1 }], { calibrationEnd: 10 })).toThrow(
      'transaction 0: date must be an integer epoch day, got 1.5',
    );
    expect(() => buildRfmSummary([{ customer: 'a', date: 1, amount: -1 }], { calibrationEnd: 10 })).toThrow(
      'transaction 0: amount must be a finite number >= 0, got -1',
    );
    expect(() => buildRfmSummary([], { calibrationEnd: 10, holdoutEnd: 10 })).toThrow(
      'holdoutEnd must be an integer epoch day after calibrationEnd (10), got 10',
    );
    expect(() => buildRfmSummary([], { calibrationEnd: 10, unit: 'year' as never })).toThrow('unit must be one of day, week, month, got year');
  });

  it('epochDay counts days from 1970-01-01 (UTC)', () => {
    expect(epochDay(1970, 1, 1)).toBe(0);
    expect(epochDay(1997, 9, 30) - epochDay(1997, 1, 1)).toBe(272); // 38 weeks + 6 days
  });
});
