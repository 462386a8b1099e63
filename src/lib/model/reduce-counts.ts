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
export function countAtoms(layout: StatsLayout, answers: ArrayLike<number>[], atomOf: Int32Array, atoms: number, given?: Uint8Array[]): GroupStats[] | undefined {
  const qs = layout.questions;
  const rows = atomOf.length;
  const width = qs.map((q) => q.points + 1);
  const qOffset: number[] = [];
  let size = 1; // slot 0: rows
  for (const w of width) {
    qOffset.push(size);
    size += w;
  }
  const cross = layout.cross;
  const pairs: { a: number; b: number; offset: number }[] = [];
  for (let i = 0; i < cross.length; i++) {
    for (let j = i + 1; j < cross.length; j++) {
      pairs.push({ a: cross[i], b: cross[j], offset: size });
      size += width[cross[i]] * width[cross[j]];
    }
  }
  if (size * atoms > MAX_COUNTERS) return undefined;

  const wide = qs.some((q) => q.points >= 255);
  // Level codes from ingest when given (same convention), else from the answers.
  const levels = given && !wide ? (given as unknown as Uint16Array[]) : qs.map((q, k) => levelCodes(answers[k], q, rows, wide));
  const counters = new Int32Array(size * atoms);
  const base = new Int32Array(rows);
  for (let r = 0; r < rows; r++) base[r] = atomOf[r] * size;
  countInto(counters, base, 0, undefined, 0, undefined);
  qs.forEach((_, k) => countInto(counters, base, qOffset[k], levels[k], 0, undefined));
  for (const p of pairs) countInto(counters, base, p.offset, levels[p.a], width[p.b], levels[p.b]);

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
          const c = counters[base + p.offset + la * width[p.b] + lb];
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
