/**
 * Standard normal and Student t distributions: density, CDF and quantile.
 *
 * - Normal CDF via the regularized upper incomplete gamma: Φ(x) = ½·Q(½, x²/2) for
 *   x < 0 (relative accuracy ~1e-15 far into the tails).
 * - Normal quantile: Abramowitz & Stegun 26.2.23 start, refined by Halley steps on Φ.
 * - t CDF via the regularized incomplete beta: P(T < −|t|) = ½·I_{ν/(ν+t²)}(ν/2, ½);
 *   works for non-integer ν (Welch–Satterthwaite df). Above ν = 1e5 the continued
 *   fraction loses digits (x is within 1e-5 of 1), so Hill's (1970, CACM Algorithm 395)
 *   normalising transformation is used instead; there its relative error is < 1e-12.
 * - t quantile: safeguarded Newton on ln P(T > t) in ln t, bracketed by bisection.
 */
import { logBeta, regularizedGammaQ, regularizedIncompleteBeta } from '../util/special';

export { logGamma } from '../util/special';

/** The normal critical value STATISTICS.md fixes for 95% intervals. */
export const Z_95 = 1.96;

const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** From this many degrees of freedom the t tail uses Hill's normalising transformation. */
const HILL_DF = 1e5;

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x must be a number, got NaN');
  if (x === 0) return 0.5;
  const tail = 0.5 * regularizedGammaQ(0.5, 0.5 * x * x);
  return x < 0 ? tail : 1 - tail;
}

/** Lower-tail quantile of the standard normal: Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = Math.min(p, 1 - p);
  // A&S 26.2.23 (|error| < 4.5e-4) as a start for the lower tail.
  const t = Math.sqrt(-2 * Math.log(q));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 8; i++) {
    const u = (normalCdf(x) - q) / normalPdf(x);
    const step = u / (1 + 0.5 * x * u);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return p < 0.5 ? x : -x;
}

/**
 * From this many degrees of freedom on (and |z| ≤ SERIES_Z), studentTQuantile uses the
 * expansion below instead of root-finding on the incomplete beta: ~40× faster, which counts
 * when a million responses make thousands of large cells. Its first omitted term is below
 * 1e-13 there; a test holds it to the root-finding within 1e-11 on a grid.
 */
const SERIES_DF = 1000;
const SERIES_Z = 4;
let seriesP = NaN;
let seriesX = NaN;

/**
 * Student t quantile from the normal one, x = Φ⁻¹(p), by the Cornish–Fisher expansion in
 * 1/ν: Abramowitz & Stegun (1964), 26.7.5 (the g1…g4 terms).
 */
function cornishFisherT(x: number, df: number): number {
  const x2 = x * x;
  const g1 = (x * (x2 + 1)) / 4;
  const g2 = (x * ((5 * x2 + 16) * x2 + 3)) / 96;
  const g3 = (x * (((3 * x2 + 19) * x2 + 17) * x2 - 15)) / 384;
  const g4 = (x * ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945)) / 92160;
  return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

function checkDf(df: number, where: string): void {
  if (!(df > 0)) throw new RangeError(`${where}: degrees of freedom must be > 0, got ${df}`);
}

export function studentTPdf(t: number, df: number): number {
  checkDf(df, 'studentTPdf');
  if (df === Infinity) return normalPdf(t);
  // 1 / (√ν · B(ν/2, ½)) · (1 + t²/ν)^(−(ν+1)/2), with ln B accurate for large ν.
  return Math.exp(-0.5 * Math.log(df) - logBeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** P(T > |t|): one tail, computed directly so tiny p-values keep their precision. */
export function studentTUpperTail(t: number, df: number): number {
  checkDf(df, 'studentTUpperTail');
  if (Number.isNaN(t)) throw new RangeError('studentTUpperTail: t must be a number, got NaN');
  const a = Math.abs(t);
  if (df === Infinity) return normalCdf(-a);
  if (a === 0) return 0.5;
  const t2 = a * a;
  if (!Number.isFinite(t2)) return 0;
  if (df >= HILL_DF) return hillUpperTail(t2, df);
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5, y);
}

/** Hill (1970): z(t, ν) is standard normal to O(ν⁻³); used only for large ν. */
function hillUpperTail(t2: number, df: number): number {
  const a = df - 0.5;
  const b = 48 * a * a;
  const y = a * Math.log1p(t2 / df);
  const z = ((((-0.4 * y - 3.3) * y - 24) * y - 85.5) / (0.8 * y * y + 100 + b) + y + 3) / b + 1;
  return normalCdf(-z * Math.sqrt(y));
}

export function studentTCdf(t: number, df: number): number {
  const tail = studentTUpperTail(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** Two-sided p-value 2·P(T > |t|). */
export function studentTTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * studentTUpperTail(t, df));
}

/** Two-sided p-value 2·Φ(−|z|). */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** Lower-tail quantile of Student t with df degrees of freedom (df > 0, not necessarily whole). */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df, 'studentTQuantile');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  if (df >= SERIES_DF) {
    // Nearly every call asks for the same p (0.975): its normal quantile is kept.
    if (p !== seriesP) [seriesP, seriesX] = [p, normalQuantile(p)];
    const x = seriesX;
    if (Math.abs(x) <= SERIES_Z) return cornishFisherT(x, df);
  }
  const q = Math.min(p, 1 - p); // target upper tail P(T > t) = q, t > 0
  const lnQ = Math.log(q);
  // h(s) = ln P(T > e^s) − ln q is decreasing in s and close to linear in the heavy tail.
  const h = (s: number): number => Math.log(studentTUpperTail(Math.exp(s), df)) - lnQ;

  // Start from the normal quantile with Hill's (1970) first correction, then bracket.
  const z = -normalQuantile(q);
  let s = Math.log(Math.max(z + (z * z * z + z) / (4 * df), 1e-300));
  let lo = s;
  let hi = s;
  let step = 1;
  while (h(lo) < 0) {
    lo -= step;
    step *= 2;
  }
  step = 1;
  while (h(hi) > 0) {
    hi += step;
    step *= 2;
  }
  for (let i = 0; i < 200; i++) {
    const t = Math.exp(s);
    const tail = studentTUpperTail(t, df);
    const value = Math.log(tail) - lnQ;
    if (value === 0) break;
    if (value > 0) lo = s;
    else hi = s;
    const slope = (-t * studentTPdf(t, df)) / tail;
    let next = s - value / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - s) <= 1e-14 * Math.max(1, Math.abs(s)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(s))) {
      s = next;
      break;
    }
    s = next;
  }
  const t = Math.exp(s);
  return p < 0.5 ? -t : t;
}
