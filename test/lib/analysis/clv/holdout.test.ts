import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, fitBgnbd } from '../../../../src/lib/analysis/clv/bgnbd';
import { holdoutComparison } from '../../../../src/lib/analysis/clv/holdout';
import { buildRfmSummary, epochDay } from '../../../../src/lib/analysis/clv/rfm-summary';
import { CDNOW_BGNBD, loadCdnowTransactions } from './cdnow-fixture';

describe('holdoutComparison', () => {
  it('computes totals, buckets and errors (worked by hand from the predictions)', () => {
    const customers = { x: [0, 1, 9], tx: [0, 5, 30], T: [38, 38, 38] };
    const actual = [0, 2, 5];
    const [p0, p1, p9] = customers.x.map((x, i) => conditionalExpectedPurchases(CDNOW_BGNBD, 39, x, customers.tx[i], customers.T[i]));
    const result = holdoutComparison(CDNOW_BGNBD, customers, actual, 39);
    expect(result.actualTotal).toBe(7);
    expect(result.predictedTotal).toBeCloseTo(p0 + p1 + p9, 12);
    expect(result.meanAbsoluteError).toBeCloseTo((p0 + Math.abs(p1 - 2) + Math.abs(p9 - 5)) / 3, 12);
    expect(result.buckets.map((b) => b.bucket)).toEqual(['0', '1', '7+']);
    expect(result.buckets[2]).toMatchObject({ customers: 1, actualMean: 5, actualTotal: 5 });
    expect(result.bucketMeanAbsoluteError).toBeCloseTo((p0 + Math.abs(p1 - 2) + Math.abs(p9 - 5)) / 3, 12);
  });

  it('tracks the CDNOW holdout (weeks 40–78) closely', () => {
    const summary = buildRfmSummary(loadCdnowTransactions(), { calibrationEnd: epochDay(1997, 9, 30), holdoutEnd: epochDay(1998, 6, 30) });
    const fit = fitBgnbd(summary.x, summary.tx, summary.T);
    const result = holdoutComparison(fit, summary, summary.holdoutPurchases!, summary.holdoutLength!);
    // 2,357 − 946 repeat buyers = 1,411 customers with x = 0 (data README); 1,882 holdout purchase days.
    expect(result.buckets[0]).toMatchObject({ bucket: '0', customers: 1411 });
    expect(result.buckets.map((b) => b.bucket)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(result.actualTotal).toBe(1882);
    // FHL 2005 Figure 4: conditional expectations follow the actual holdout means by frequency.
    for (const bucket of result.buckets) expect(Math.abs(bucket.predictedMean - bucket.actualMean)).toBeLessThan(0.4);
    expect(result.bucketMeanAbsoluteError).toBeLessThan(0.3);
  });

  it('rejects bad inputs', () => {
    const one = { x: [0], tx: [0], T: [1] };
    expect(() => holdoutComparison(CDNOW_BGNBD, one, [1, 2], 1)).toThrow('actual must have one count per customer (1), got 2');
    expect(() => holdoutComparison(CDNOW_BGNBD, one, [0.5], 1)).toThrow('customer 0: actual holdout purchases must be an integer >= 0, got 0.5');
    expect(() => holdoutComparison(CDNOW_BGNBD, one, [0], 0)).toThrow('holdoutLength must be a finite number > 0, got 0');
  });
});
