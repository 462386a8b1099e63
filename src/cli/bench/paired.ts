import { median } from './measure';

/** Two systems measured in alternating runs: each one's median, and the median of the run-by-run differences. */
export interface PairedSummary {
  medianA: number;
  medianB: number;
  /** Median of b[i] − a[i]: runs next to each other meet the same load on a shared host. */
  medianDifference: number;
  /** Pairs in which b was lower than a. */
  bLower: number;
  pairs: number;
}

export function pairedSummary(a: readonly number[], b: readonly number[]): PairedSummary {
  if (a.length !== b.length || a.length === 0) throw new Error(`paired runs: ${a.length} against ${b.length}; expected the same number, at least one`);
  return {
    medianA: median([...a]),
    medianB: median([...b]),
    medianDifference: median(a.map((x, i) => b[i] - x)),
    bLower: a.filter((x, i) => b[i] < x).length,
    pairs: a.length,
  };
}
