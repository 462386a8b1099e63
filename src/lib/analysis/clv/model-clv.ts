/**
 * Model-based CLV per customer: the BG/NBD's expected purchases in each future period
 * times the expected spend per purchase (e.g. Gamma-Gamma) times the margin, discounted:
 *   CLVᵢ = Σₖ₌₁ⁿ (E[Y(kL) | xᵢ, tₓᵢ, Tᵢ] − E[Y((k−1)L) | …]) · spendᵢ · margin / (1 + d)ᵏ
 * (Fader, Hardie & Lee 2005 §5; the discounted-cash-flow form `lifetimes` uses).
 */
import { expectedPurchasesByPeriod, type BgnbdParams, type CustomerArrays } from './bgnbd';

export interface ModelClvOptions {
  /** Number of future periods in the horizon. */
  periods: number;
  /** Length of one period in the summary's time unit (e.g. 52/12 for months when time is in weeks). */
  periodLength: number;
  /** Discount rate per period, > −1 (see periodDiscountRate for an annual rate). */
  discountRate: number;
  /** Share of spend that is margin (default 1: CLV in revenue). */
  margin?: number;
}

export function modelClv(
  params: BgnbdParams,
  customers: CustomerArrays,
  spend: ArrayLike<number>,
  { periods, periodLength, discountRate, margin = 1 }: ModelClvOptions,
): Float64Array {
  const n = customers.x.length;
  if (customers.tx.length !== n || customers.T.length !== n || spend.length !== n) {
    throw new RangeError(`x, t_x, T and spend must have the same length, got ${n}, ${customers.tx.length}, ${customers.T.length}, ${spend.length}`);
  }
  if (!(discountRate > -1 && Number.isFinite(discountRate))) {
    throw new RangeError(`discountRate must be a finite number > -1, got ${discountRate}`);
  }
  if (!(Number.isInteger(periods) && periods >= 1)) throw new RangeError(`periods must be an integer >= 1, got ${periods}`);
  if (!Number.isFinite(margin)) throw new RangeError(`margin must be a finite number, got ${margin}`);
  const discount = Float64Array.from({ length: periods }, (_, k) => Math.pow(1 + discountRate, -(k + 1)));
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(spend[i])) throw new RangeError(`customer ${i}: spend must be a finite number, got ${spend[i]}`);
    const purchases = expectedPurchasesByPeriod(params, customers.x[i], customers.tx[i], customers.T[i], periodLength, periods);
    let value = 0;
    for (let k = 0; k < periods; k++) value += purchases[k] * discount[k];
    clv[i] = value * spend[i] * margin;
  }
  return clv;
}

export interface ClvGroupRow {
  group: string;
  count: number;
  mean: number;
  median: number;
  total: number;
}

/** Count, mean, median and total CLV per group (segment, satisfaction level), groups in code-point order. */
export function summariseClvByGroup(values: ArrayLike<number>, groups: ArrayLike<string>): ClvGroupRow[] {
  if (values.length !== groups.length) {
    throw new RangeError(`values and groups must have the same length, got ${values.length}, ${groups.length}`);
  }
  const members = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`value ${i} must be a finite number, got ${values[i]}`);
    const list = members.get(groups[i]);
    if (list) list.push(values[i]);
    else members.set(groups[i], [values[i]]);
  }
  return [...members.keys()]
    .sort((p, q) => (p < q ? -1 : p > q ? 1 : 0))
    .map((group) => {
      const sorted = Float64Array.from(members.get(group)!).sort();
      const count = sorted.length;
      const total = sorted.reduce((s, v) => s + v, 0);
      const mid = count >> 1;
      const median = count % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      return { group, count, mean: total / count, median, total };
    });
}
