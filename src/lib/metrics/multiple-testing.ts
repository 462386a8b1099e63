/**
 * Benjamini–Hochberg (1995) false-discovery-rate q-values: sort the m valid p-values,
 * q₍ᵢ₎ = min over j ≥ i of m·p₍ⱼ₎/j, capped at 1; returned in input order. Missing
 * p-values (null/NaN, e.g. untested or suppressed cells) do not count towards m and
 * get a null q. Flag a cell when q < 0.05.
 */

export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const valid: { p: number; index: number }[] = [];
  pValues.forEach((p, index) => {
    if (p === null || Number.isNaN(p)) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value at ${index} must be in [0, 1], got ${p}`);
    valid.push({ p, index });
  });
  const q: (number | null)[] = new Array<number | null>(pValues.length).fill(null);
  const m = valid.length;
  // Stable sort keeps ties in input order; ties get the same q anyway.
  valid.sort((x, y) => x.p - y.p);
  let runningMin = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = valid[rank - 1];
    // p·(m/rank) rather than m·p/rank: rounding then never takes q below p.
    runningMin = Math.min(runningMin, p * (m / rank));
    q[index] = runningMin;
  }
  return q;
}
