/**
 * Calibration/holdout check (Fader, Hardie & Lee 2005 §4, Figure 4): BG/NBD predicted
 * purchases in the holdout period, E[Y(t*) | x, tₓ, T], against the actual counts, overall
 * and by calibration frequency x in buckets 0, 1, …, 6 and 7+.
 */
import { conditionalExpectedPurchases, type BgnbdParams, type CustomerArrays } from './bgnbd';

export interface HoldoutBucket {
  /** '0' … '6', or '7+' (the top bucket). Buckets without customers are left out. */
  bucket: string;
  customers: number;
  actualMean: number;
  predictedMean: number;
  actualTotal: number;
  predictedTotal: number;
  /** Mean over the bucket's customers of |predicted − actual|. */
  meanAbsoluteError: number;
}

export interface HoldoutComparison {
  customers: number;
  holdoutLength: number;
  actualTotal: number;
  predictedTotal: number;
  actualMean: number;
  predictedMean: number;
  /** Mean over customers of |predicted − actual|. */
  meanAbsoluteError: number;
  buckets: HoldoutBucket[];
  /** Mean over the buckets of |predicted mean − actual mean| (the gap in the paper's Figure 4). */
  bucketMeanAbsoluteError: number;
}

/** E[Y(holdoutLength) | x, tₓ, T] for every customer. */
export function predictHoldout(params: BgnbdParams, customers: CustomerArrays, holdoutLength: number): Float64Array {
  const n = customers.x.length;
  if (customers.tx.length !== n || customers.T.length !== n) {
    throw new RangeError(`x, t_x and T must have the same length, got ${n}, ${customers.tx.length}, ${customers.T.length}`);
  }
  if (!(holdoutLength > 0 && Number.isFinite(holdoutLength))) {
    throw new RangeError(`holdoutLength must be a finite number > 0, got ${holdoutLength}`);
  }
  return Float64Array.from({ length: n }, (_, i) =>
    conditionalExpectedPurchases(params, holdoutLength, customers.x[i], customers.tx[i], customers.T[i]),
  );
}

export function holdoutComparison(
  params: BgnbdParams,
  customers: CustomerArrays,
  actual: ArrayLike<number>,
  holdoutLength: number,
  topBucket = 7,
): HoldoutComparison {
  const n = customers.x.length;
  if (actual.length !== n) throw new RangeError(`actual must have one count per customer (${n}), got ${actual.length}`);
  if (n === 0) throw new RangeError('holdout comparison needs at least one customer, got 0');
  if (!(Number.isInteger(topBucket) && topBucket >= 1)) throw new RangeError(`topBucket must be an integer >= 1, got ${topBucket}`);
  const predicted = predictHoldout(params, customers, holdoutLength);
  const sums = Array.from({ length: topBucket + 1 }, () => ({ customers: 0, actual: 0, predicted: 0, absoluteError: 0 }));
  let actualTotal = 0;
  let predictedTotal = 0;
  let absoluteError = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isInteger(actual[i]) && actual[i] >= 0)) {
      throw new RangeError(`customer ${i}: actual holdout purchases must be an integer >= 0, got ${actual[i]}`);
    }
    const error = Math.abs(predicted[i] - actual[i]);
    const bucket = sums[Math.min(customers.x[i], topBucket)];
    bucket.customers++;
    bucket.actual += actual[i];
    bucket.predicted += predicted[i];
    bucket.absoluteError += error;
    actualTotal += actual[i];
    predictedTotal += predicted[i];
    absoluteError += error;
  }
  const buckets = sums.flatMap((s, k) =>
    s.customers === 0
      ? []
      : [{
          bucket: k === topBucket ? `${topBucket}+` : String(k),
          customers: s.customers,
          actualMean: s.actual / s.customers,
          predictedMean: s.predicted / s.customers,
          actualTotal: s.actual,
          predictedTotal: s.predicted,
          meanAbsoluteError: s.absoluteError / s.customers,
        }],
  );
  return {
    customers: n,
    holdoutLength,
    actualTotal,
    predictedTotal,
    actualMean: actualTotal / n,
    predictedMean: predictedTotal / n,
    meanAbsoluteError: absoluteError / n,
    buckets,
    bucketMeanAbsoluteError: buckets.reduce((s, b) => s + Math.abs(b.predictedMean - b.actualMean), 0) / buckets.length,
  };
}
