import { emptyStats, PAIR_WIDTH, type GroupStats, type StatsLayout } from './sufficient-stats';

/** Above this many counters the per-row path is used instead (memory stays small). */
const MAX_COUNTERS = 1 << 24;

/**
 * The unweighted reduction by counting. Each answer becomes a level code (missing = one
 * code more); per atom we count the rows, the levels of each question and the level pairs
 * of each cross pair. Every sum of the GroupStats (n, Σx, Σx·y, Σx²…) then follows from
 * the counts, and since the sums are of small integers they are exact: the result equals
 * adding the rows one by one with weight 1. Per row this is one increment per question and
 * per pair instead of seven multiply-adds per pair. Undefined when the counters would not
 * fit (very many atoms); the caller then adds row by row.
 */
export function countAtoms(layout: StatsLayout, answers: () => ArrayLike<number>[], atomOf: Int32Array, atoms: number, given?: Uint8Array[]): GroupStats[] | undefined {
  const qs = layout.questions;
  const rows = atomOf.length;
  const width = qs.map((q) => q.points + 1);
  const qOffset: number[] = [];
  let size = 1; // slot 0: rows
  for (const w of width) {
    qOffset.push(size);
    size += w;
  }
  // Cross pairs are counted three questions at a time (a joint table per block of three,
  // marginalised afterwards): a third of the passes over the rows of one pass per pair.
  const cross = layout.cross;
  const blocks = coverPairs(cross.length).map((b) => {
    const members = b.members.map((m) => cross[m]);
    const widths = members.map((q) => width[q]);
    const block = { members, widths, pairs: b.pairs, offset: size };
    size += widths.reduce((x, y) => x * y, 1);
    return block;
  });
  if (size * atoms > MAX_COUNTERS) return undefined;

  const wide = qs.some((q) => q.points >= 255);
  // Level codes from ingest when given (same convention), else from the answers.
  const levels = given && !wide ? (given as unknown as Uint16Array[]) : answers().map((a, k) => levelCodes(a, qs[k], rows, wide));
  const counters = new Int32Array(size * atoms);
  const base = new Int32Array(rows);
  for (let r = 0; r < rows; r++) base[r] = atomOf[r] * size;
  countInto(counters, base, 0, undefined, 0, undefined);
  qs.forEach((_, k) => countInto(counters, base, qOffset[k], levels[k], 0, undefined));
  for (const b of blocks) {
    const [x, y, z] = b.members.map((q) => levels[q]);
    if (z) countTriples(counters, base, b.offset, x, b.widths[1], y, b.widths[2], z);
    else countInto(counters, base, b.offset, x, b.widths[1], y);
  }
  // Each pair's table (level of a × level of b), summed out of its block's table.
  const pairTables: { a: number; b: number; table: (atomBase: number, la: number, lb: number) => number }[] = [];
  for (const b of blocks) {
    const [w1, w2] = [b.widths[1], b.widths[2] ?? 1];
    for (const [u, v] of b.pairs) {
      const third = 3 - u - v; // the member summed out (none in a block of two)
      const at = [0, 0, 0];
      const table = (atomBase: number, la: number, lb: number) => {
        at[u] = la;
        at[v] = lb;
        if (b.members.length === 2) return counters[atomBase + b.offset + at[0] * w1 + at[1]];
        let sum = 0;
        for (let l = 0; l < b.widths[third]; l++) {
          at[third] = l;
          sum += counters[atomBase + b.offset + (at[0] * w1 + at[1]) * w2 + at[2]];
        }
        return sum;
      };
      pairTables.push({ a: b.members[u], b: b.members[v], table });
    }
  }
  // In the order of pairIndex: (0,1), (0,2) … over layout.cross.
  const pairs = cross.flatMap((qa, i) => cross.slice(i + 1).map((qb) => pairTables.find((t) => t.a === qa && t.b === qb)!));

  const out: GroupStats[] = [];
  for (let atom = 0; atom < atoms; atom++) {
    const base = atom * size;
    const s = emptyStats(layout);
    s.rows = s.sumW = s.sumW2 = counters[base];
    qs.forEach((q, k) => {
      let n = 0;
      for (let l = 0; l < q.points; l++) {
        const c = counters[base + qOffset[k] + l];
        s.counts[layout.offsets[k] + l] = c;
        n += c;
      }
      s.n[k] = n;
      s.w2[k] = n;
    });
    pairs.forEach((p, i) => {
      const [qa, qb] = [qs[p.a], qs[p.b]];
      const at = i * PAIR_WIDTH;
      for (let la = 0; la < qa.points; la++) {
        const x = qa.min + la;
        for (let lb = 0; lb < qb.points; lb++) {
          const c = p.table(base, la, lb);
          if (c === 0) continue;
          const y = qb.min + lb;
          s.pairs[at] += c;
          s.pairs[at + 1] += c;
          s.pairs[at + 2] += c * x;
          s.pairs[at + 3] += c * y;
          s.pairs[at + 4] += c * x * y;
          s.pairs[at + 5] += c * x * x;
          s.pairs[at + 6] += c * y * y;
        }
      }
    });
    out.push(s);
  }
  return out;
}

/**
 * One counting pass, column by column (a tight loop over a few typed arrays is what V8
 * runs fastest): counters[base[r] + offset + a[r]·stride + b[r]] += 1, with a and b absent
 * for the row count and b absent for a single question's levels.
 */
function countInto(counters: Int32Array, base: Int32Array, offset: number, a: Uint16Array | undefined, stride: number, b: Uint16Array | undefined): void {
  const rows = base.length;
  if (!a) for (let r = 0; r < rows; r++) counters[base[r] + offset]++;
  else if (!b) for (let r = 0; r < rows; r++) counters[base[r] + offset + a[r]]++;
  else for (let r = 0; r < rows; r++) counters[base[r] + offset + a[r] * stride + b[r]]++;
}

function countTriples(counters: Int32Array, base: Int32Array, offset: number, a: Uint16Array, wb: number, b: Uint16Array, wc: number, c: Uint16Array): void {
  const rows = base.length;
  for (let r = 0; r < rows; r++) counters[base[r] + offset + (a[r] * wb + b[r]) * wc + c[r]]++;
}

/**
 * Blocks of three positions (0…k−1) that together hold every pair once, chosen greedily
 * (for k = 9: 14 blocks for 36 pairs; the best cover has 12); pairs left over form blocks of two.
 * Each block lists its pairs as positions within the block.
 */
export function coverPairs(k: number): { members: number[]; pairs: [number, number][] }[] {
  const open = new Set<number>();
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) open.add(i * k + j);
  const out: { members: number[]; pairs: [number, number][] }[] = [];
  for (;;) {
    let best: number[] | undefined;
    let most = 1;
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        for (let c = b + 1; c < k; c++) {
          const n = +open.has(a * k + b) + +open.has(a * k + c) + +open.has(b * k + c);
          if (n > most) [most, best] = [n, [a, b, c]];
        }
      }
    }
    if (!best) break;
    const [a, b, c] = best;
    const pairs = ([[0, 1], [0, 2], [1, 2]] as [number, number][]).filter(([u, v]) => open.has(best![u] * k + best![v]));
    for (const [u, v] of pairs) open.delete(best[u] * k + best[v]);
    out.push({ members: [a, b, c], pairs });
  }
  for (const key of [...open].sort((x, y) => x - y)) out.push({ members: [Math.floor(key / k), key % k], pairs: [[0, 1]] });
  return out;
}

/** Level code of each answer: value − min, or `points` when missing (NaN). */
function levelCodes(values: ArrayLike<number>, q: StatsLayout['questions'][number], rows: number, wide: boolean): Uint16Array {
  // One array type for all questions keeps the counting loops monomorphic.
  const out = (wide ? new Uint16Array(rows) : new Uint8Array(rows)) as unknown as Uint16Array;
  for (let r = 0; r < rows; r++) {
    const v = values[r];
    if (v !== v) {
      out[r] = q.points;
      continue;
    }
    const l = v - q.min;
    if (!(l >= 0 && l < q.points && l === Math.floor(l))) throw new Error(`question ${q.id}: answer ${v} is not a level of its scale ${q.min}–${q.min + q.points - 1}`);
    out[r] = l;
  }
  return out;
}
