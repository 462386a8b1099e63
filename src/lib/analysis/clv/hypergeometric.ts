/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ by its
 * power series (Abramowitz & Stegun 15.1.1), for real parameters and |z| < 1. Accurate on
 * 0 ≤ z < 1 (the range the BG/NBD needs); for negative z with large parameters the alternating
 * series loses digits to cancellation.
 */

const MAX_TERMS = 1_000_000;
const RELATIVE_TOLERANCE = 1e-15;

function checkArguments(a: number, b: number, c: number, z: number): void {
  if (![a, b, c, z].every(Number.isFinite)) {
    throw new RangeError(`hyp2f1: arguments must be finite, got a=${a}, b=${b}, c=${c}, z=${z}`);
  }
  if (c <= 0 && Number.isInteger(c)) {
    throw new RangeError(`hyp2f1: c must not be 0 or a negative integer, got ${c}`);
  }
  if (!(Math.abs(z) < 1)) throw new RangeError(`hyp2f1: the series needs |z| < 1, got z=${z}`);
}

/**
 * (₂F₁(a, b; c; z) − 1) / b = Σₙ≥₁ (a)ₙ (b+1)ₙ₋₁ / ((c)ₙ n!) zⁿ.
 * Dividing out b keeps the BG/NBD expectation finite when its b-argument (a − 1 there) is 0.
 */
export function hyp2f1MinusOneOverB(a: number, b: number, c: number, z: number): number {
  checkArguments(a, b, c, z);
  let term = (a * z) / c;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    if (term === 0) return sum; // a is a non-positive integer: the series ended
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    // Once the ratios settle towards z, the tail is at most |term|·ρ/(1 − ρ) with ρ = max(|ratio|, |z|).
    const rho = Math.max(Math.abs(ratio), Math.abs(z));
    if (n >= 2 && rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
      return sum;
    }
  }
  throw new Error(`hyp2f1: series did not converge in ${MAX_TERMS} terms for a=${a}, b=${b}, c=${c}, z=${z}`);
}

/** ₂F₁(a, b; c; z) for |z| < 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return 1 + b * hyp2f1MinusOneOverB(a, b, c, z);
}
