/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0, needed by the analytic likelihood gradients.
 * Recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x^(2k)) (Abramowitz & Stegun 6.3.18) to k = 7,
 * whose next term is below 1e-16 at x = 10.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new RangeError(`digamma: x must be a finite number > 0, got ${x}`);
  }
  let result = 0;
  let z = x;
  while (z < 10) {
    result -= 1 / z;
    z += 1;
  }
  const z2 = 1 / (z * z);
  const tail = z2 * (1 / 12 - z2 * (1 / 120 - z2 * (1 / 252 - z2 * (1 / 240 - z2 * (1 / 132 - z2 * (691 / 32760 - z2 / 12))))));
  return result + Math.log(z) - 0.5 / z - tail;
}
