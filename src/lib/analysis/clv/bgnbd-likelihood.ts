/**
 * BG/NBD log-likelihood and its analytic gradient (Fader, Hardie & Lee 2005, eq. 6):
 *   L = B(a, b+x)/B(a, b) · Γ(r+x)αʳ / (Γ(r)(α+T)^(r+x))
 *     + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x)αʳ / (Γ(r)(α+tₓ)^(r+x)),
 * evaluated in log space (log-gamma, log-sum-exp of the two terms) over customers
 * aggregated to distinct (x, tₓ, T) with a weight, so a million customers cost one pass
 * over far fewer records.
 */
import { logBeta, logGamma } from '../../util/special';
import { digamma } from './digamma';

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α), drop-out probability p ~ Beta(a, b). */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers reduced to distinct (x, tₓ, T); xIndex points into the distinct repeat counts. */
export interface AggregatedCustomers {
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  xIndex: Uint32Array;
  /** Distinct repeat counts, ascending. */
  xValues: Float64Array;
  /** Total weight (customers) for each distinct repeat count. */
  xWeight: Float64Array;
  customers: number;
}

function checkCustomer(i: number, x: number, tx: number, T: number): void {
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`customer ${i}: x must be an integer >= 0, got ${x}`);
  if (!(T >= 0 && Number.isFinite(T))) throw new RangeError(`customer ${i}: T must be a finite number >= 0, got ${T}`);
  if (!(tx >= 0 && tx <= T)) throw new RangeError(`customer ${i}: t_x must be in [0, T=${T}], got ${tx}`);
  if (x === 0 && tx !== 0) throw new RangeError(`customer ${i}: t_x must be 0 when x is 0, got ${tx}`);
}

/** Validates the summary and merges identical (x, tₓ, T) triples into one weighted record. */
export function aggregateCustomers(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): AggregatedCustomers {
  const n = x.length;
  if (tx.length !== n || T.length !== n) {
    throw new RangeError(`x, t_x and T must have the same length, got ${n}, ${tx.length}, ${T.length}`);
  }
  if (n === 0) throw new RangeError('BG/NBD needs at least one customer, got 0');
  // Open-addressing hash table on the triples' bits: a string-keyed Map costs seconds at 1M customers.
  const capacity = 2 ** Math.ceil(Math.log2(2 * n + 2));
  const table = new Int32Array(capacity).fill(-1);
  const rows = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), weight: new Float64Array(n) };
  const bits = new Uint32Array(2);
  const word = new Float64Array(bits.buffer);
  let count = 0;
  for (let i = 0; i < n; i++) {
    checkCustomer(i, x[i], tx[i], T[i]);
    const [xi, ti, ageI] = [x[i], tx[i] + 0, T[i] + 0]; // + 0 turns −0 into 0
    let h = Math.imul(xi | 0, 0x9e3779b1);
    word[0] = ti;
    h = Math.imul(h ^ bits[0], 0x85ebca6b) ^ Math.imul(bits[1], 0xc2b2ae35);
    word[0] = ageI;
    h = Math.imul(h ^ bits[0], 0x27d4eb2f) ^ Math.imul(bits[1], 0x165667b1);
    h ^= h >>> 15;
    let slot = h & (capacity - 1);
    for (;;) {
      const j = table[slot];
      if (j < 0) {
        table[slot] = count;
        rows.x[count] = xi;
        rows.tx[count] = ti;
        rows.T[count] = ageI;
        rows.weight[count++] = 1;
        break;
      }
      if (rows.x[j] === xi && rows.tx[j] === ti && rows.T[j] === ageI) {
        rows.weight[j]++;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
  }
  const distinctX = rows.x.subarray(0, count);
  const xValues = Float64Array.from(new Set(distinctX)).sort();
  const slotOfX = new Map(Array.from(xValues, (v, k) => [v, k]));
  const xIndex = Uint32Array.from(distinctX, (v) => slotOfX.get(v)!);
  const weight = rows.weight.slice(0, count);
  const xWeight = new Float64Array(xValues.length);
  xIndex.forEach((k, j) => (xWeight[k] += weight[j]));
  return { tx: rows.tx.slice(0, count), T: rows.T.slice(0, count), weight, xIndex, xValues, xWeight, customers: n };
}

export interface LogLikelihoodAndGradient {
  /** Total log-likelihood over all customers. */
  ll: number;
  /** ∂ll/∂(r, α, a, b). */
  gradient: Float64Array;
}

/** Total log-likelihood and its gradient in (r, α, a, b). */
export function bgnbdLogLikelihoodAndGradient(params: BgnbdParams, data: AggregatedCustomers): LogLikelihoodAndGradient {
  const { r, alpha, a, b } = params;
  const { xValues, xWeight, xIndex, tx, T, weight } = data;
  const m = xValues.length;
  // Per distinct x: the log of the common factor, the log-betas of the two terms, and their derivatives.
  const logBetaAB = logBeta(a, b);
  const [psiA, psiB, psiR, psiAB] = [digamma(a), digamma(b), digamma(r), digamma(a + b)];
  const beta1 = new Float64Array(m);
  const beta2 = new Float64Array(m);
  const dA1 = new Float64Array(m);
  const dA2 = new Float64Array(m);
  const dB1 = new Float64Array(m);
  const dB2 = new Float64Array(m);
  let ll = 0;
  let gR = 0;
  const psiA1 = digamma(a + 1);
  for (let k = 0; k < m; k++) {
    const xv = xValues[k];
    const psiABX = digamma(a + b + xv);
    ll += xWeight[k] * (logGamma(r + xv) - logGamma(r) + r * Math.log(alpha) - logBetaAB);
    gR += xWeight[k] * (digamma(r + xv) - psiR + Math.log(alpha));
    beta1[k] = logBeta(a, b + xv);
    dA1[k] = psiA - psiABX;
    dB1[k] = digamma(b + xv) - psiABX;
    if (xv > 0) {
      beta2[k] = logBeta(a + 1, b + xv - 1);
      dA2[k] = psiA1 - psiABX;
      dB2[k] = digamma(b + xv - 1) - psiABX;
    }
  }
  let gAlpha = (data.customers * r) / alpha;
  let gA = -data.customers * (psiA - psiAB);
  let gB = -data.customers * (psiB - psiAB);
  for (let j = 0; j < weight.length; j++) {
    const k = xIndex[j];
    const xv = xValues[k];
    const w = weight[j];
    const rx = r + xv;
    const logAgeT = Math.log(alpha + T[j]);
    const u1 = beta1[k] - rx * logAgeT;
    if (xv === 0) {
      ll += w * u1;
      gR -= w * logAgeT;
      gAlpha -= (w * rx) / (alpha + T[j]);
      gA += w * dA1[k];
      gB += w * dB1[k];
      continue;
    }
    const logAgeTx = Math.log(alpha + tx[j]);
    const u2 = beta2[k] - rx * logAgeTx;
    // log-sum-exp of the two terms, and each term's share of the sum (for the gradient).
    const high = u1 >= u2 ? u1 : u2;
    const e = Math.exp(-Math.abs(u1 - u2));
    const shareHigh = 1 / (1 + e);
    const w1 = u1 >= u2 ? shareHigh : e * shareHigh;
    const w2 = 1 - w1;
    ll += w * (high + Math.log1p(e));
    gR -= w * (w1 * logAgeT + w2 * logAgeTx);
    gAlpha -= w * rx * (w1 / (alpha + T[j]) + w2 / (alpha + tx[j]));
    gA += w * (w1 * dA1[k] + w2 * dA2[k]);
    gB += w * (w1 * dB1[k] + w2 * dB2[k]);
  }
  return { ll, gradient: Float64Array.of(gR, gAlpha, gA, gB) };
}

/** Total log-likelihood of the BG/NBD at params. */
export function bgnbdLogLikelihood(params: BgnbdParams, data: AggregatedCustomers): number {
  return bgnbdLogLikelihoodAndGradient(params, data).ll;
}
