import type { CellStats } from '../metrics/cell-stats';
/**
 * Group statistics (sufficient statistics of all questions for one group of responses): the model's internal currency. Every score, share, NPS, interval
 * and test follows from these sums, and they are additive, so cells merge by addition and
 * "the rest of the segments" is a subtraction. A warehouse can supply them instead of rows.
 */

/** Which questions are counted, and which pairs get cross-products (index variance, drivers). */
export interface StatsLayout {
  questions: { id: string; min: number; points: number }[];
  /** Offset of each question's level counts in `counts`. */
  offsets: number[];
  totalLevels: number;
  /** Indices (into questions) of the questions whose pairwise cross-products are kept. */
  cross: number[];
}

/** Per pair of cross questions: n, Σw, Σw·xi, Σw·xj, Σw·xi·xj, Σw·xi², Σw·xj². */
export const PAIR_WIDTH = 7;

export interface GroupStats {
  /** Responses in the cell, whatever they answered. */
  rows: number;
  sumW: number;
  sumW2: number;
  /** Weighted count of each level of each question (see layout offsets). */
  counts: Float64Array;
  /** Unweighted valid answers per question. */
  n: Float64Array;
  /** Σw² over valid answers per question (Kish n_eff per question). */
  w2: Float64Array;
  /** Pairwise-complete cross sums, PAIR_WIDTH per pair i<j of layout.cross. */
  pairs: Float64Array;
}

export function makeLayout(questions: StatsLayout['questions'], cross: number[]): StatsLayout {
  const offsets: number[] = [];
  let total = 0;
  for (const q of questions) {
    offsets.push(total);
    total += q.points;
  }
  return { questions, offsets, totalLevels: total, cross };
}

export const pairCount = (layout: StatsLayout) => (layout.cross.length * (layout.cross.length - 1)) / 2;

/** Index of the pair (a, b) of positions in layout.cross, a < b. */
export function pairIndex(layout: StatsLayout, a: number, b: number): number {
  const k = layout.cross.length;
  if (a > b) [a, b] = [b, a];
  return a * k - (a * (a + 1)) / 2 + (b - a - 1);
}

export function emptyStats(layout: StatsLayout): GroupStats {
  const q = layout.questions.length;
  return {
    rows: 0, sumW: 0, sumW2: 0,
    counts: new Float64Array(layout.totalLevels),
    n: new Float64Array(q), w2: new Float64Array(q),
    pairs: new Float64Array(pairCount(layout) * PAIR_WIDTH),
  };
}

function combine(a: GroupStats, b: GroupStats, sign: 1 | -1): GroupStats {
  const add = (x: Float64Array, y: Float64Array) => x.map((v, i) => v + sign * y[i]);
  return {
    rows: a.rows + sign * b.rows, sumW: a.sumW + sign * b.sumW, sumW2: a.sumW2 + sign * b.sumW2,
    counts: add(a.counts, b.counts), n: add(a.n, b.n), w2: add(a.w2, b.w2), pairs: add(a.pairs, b.pairs),
  };
}

export const mergeStats = (a: GroupStats, b: GroupStats) => combine(a, b, 1);
export const subtractStats = (a: GroupStats, b: GroupStats) => combine(a, b, -1);

/** In-place a += b, for the hot reduction. */
export function addInto(a: GroupStats, b: GroupStats): void {
  a.rows += b.rows; a.sumW += b.sumW; a.sumW2 += b.sumW2;
  for (let i = 0; i < a.counts.length; i++) a.counts[i] += b.counts[i];
  for (let i = 0; i < a.n.length; i++) { a.n[i] += b.n[i]; a.w2[i] += b.w2[i]; }
  for (let i = 0; i < a.pairs.length; i++) a.pairs[i] += b.pairs[i];
}

/** Level counts of question q (weighted), as a view. */
export function levelCounts(layout: StatsLayout, s: GroupStats, q: number): Float64Array {
  return s.counts.subarray(layout.offsets[q], layout.offsets[q] + layout.questions[q].points);
}

/**
 * Adds one response. `values[q]` is the answer (NaN = missing); `w` its weight.
 * Kept allocation-free: it runs once per row.
 */
export function addResponse(layout: StatsLayout, s: GroupStats, values: Float64Array, w: number): void {
  s.rows += 1; s.sumW += w; s.sumW2 += w * w;
  const qs = layout.questions;
  for (let q = 0; q < qs.length; q++) {
    const v = values[q];
    if (v !== v) continue;
    s.counts[layout.offsets[q] + v - qs[q].min] += w;
    s.n[q] += 1;
    s.w2[q] += w * w;
  }
  const cross = layout.cross;
  const k = cross.length;
  let p = 0;
  for (let a = 0; a < k; a++) {
    const xa = values[cross[a]];
    if (xa !== xa) { p += (k - a - 1) * PAIR_WIDTH; continue; }
    for (let b = a + 1; b < k; b++, p += PAIR_WIDTH) {
      const xb = values[cross[b]];
      if (xb !== xb) continue;
      const pairs = s.pairs;
      pairs[p] += 1; pairs[p + 1] += w; pairs[p + 2] += w * xa; pairs[p + 3] += w * xb;
      pairs[p + 4] += w * xa * xb; pairs[p + 5] += w * xa * xa; pairs[p + 6] += w * xb * xb;
    }
  }
}

/** Pairwise-complete weighted covariance sum S_ab = Σw(xa − x̄a)(xb − x̄b) over both answered, with the means of each item's own answers. */
export function centredCross(s: GroupStats, layout: StatsLayout, a: number, b: number, meanA: number, meanB: number): { n: number; w: number; s: number } {
  const p = pairIndex(layout, a, b) * PAIR_WIDTH;
  const swap = a > b;
  const pr = s.pairs;
  const [sx, sy] = swap ? [pr[p + 3], pr[p + 2]] : [pr[p + 2], pr[p + 3]];
  return { n: pr[p], w: pr[p + 1], s: pr[p + 4] - meanB * sx - meanA * sy + pr[p + 1] * meanA * meanB };
}

/** Pairwise-complete Pearson correlation from the cross sums (NaN when undefined). */
export function pairCorrelation(s: GroupStats, layout: StatsLayout, a: number, b: number): { r: number; n: number } {
  const p = pairIndex(layout, a, b) * PAIR_WIDTH;
  const pr = s.pairs;
  const [n, w] = [pr[p], pr[p + 1]];
  const [sa, sb] = a < b ? [pr[p + 2], pr[p + 3]] : [pr[p + 3], pr[p + 2]];
  const [saa, sbb] = a < b ? [pr[p + 5], pr[p + 6]] : [pr[p + 6], pr[p + 5]];
  const cov = pr[p + 4] - (sa * sb) / w;
  const va = saa - (sa * sa) / w;
  const vb = sbb - (sb * sb) / w;
  return { r: va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : NaN, n };
}

/** The per-question statistics of one question in a group, in the metrics layer's shape. */
export function questionCell(layout: StatsLayout, s: GroupStats, q: number): CellStats {
  const counts = Array.from(levelCounts(layout, s, q));
  const sumW = counts.reduce((a, b) => a + b, 0);
  return { counts, n: s.n[q], sumW, sumW2: s.w2[q] };
}
