import { TextColumn } from './text-column';

/**
 * The used rows of an ingest as growable typed columns: each answer's level code, period,
 * segment and customer codes, the IdIndex entry of each row's id, and the comment texts
 * (as UTF-8 bytes: text-column.ts).
 * Growth is geometric, and reserve() takes the expected rows up front, so a million rows
 * are not copied once a file.
 */
export class RowStore {
  capacity = 1024;
  used = 0;
  /** Each answer's level code: value − scale min, or the number of levels for missing (scales have at most 101). */
  levels: Uint8Array[];
  periodOf = new Int32Array(this.capacity);
  segmentOf: Int32Array[];
  customerOf = new Int32Array(this.capacity);
  idEntry = new Int32Array(this.capacity);
  readonly comments: TextColumn[];

  constructor(questions: number, segments: number, comments: number) {
    this.levels = Array.from({ length: questions }, () => new Uint8Array(this.capacity));
    this.segmentOf = Array.from({ length: segments }, () => new Int32Array(this.capacity));
    this.comments = Array.from({ length: comments }, () => new TextColumn());
  }

  /** Room for `rows` more rows. */
  reserve(rows: number): void {
    const need = this.used + rows;
    if (need > this.capacity) this.grow(Math.max(need, Math.ceil(this.capacity * 1.5)));
  }

  /** The index of a new row (its cells are then written by the caller). */
  next(): number {
    if (this.used === this.capacity) this.grow(this.capacity * 2);
    return this.used++;
  }

  private grow(to: number): void {
    this.capacity = to;
    const widen = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(to);
      b.set(a);
      return b;
    };
    this.levels = this.levels.map((a) => widen(a, (n) => new Uint8Array(n)));
    this.segmentOf = this.segmentOf.map((a) => widen(a, (n) => new Int32Array(n)));
    this.periodOf = widen(this.periodOf, (n) => new Int32Array(n));
    this.customerOf = widen(this.customerOf, (n) => new Int32Array(n));
    this.idEntry = widen(this.idEntry, (n) => new Int32Array(n));
  }

  /** Column k's answers of the used rows as values (NaN = missing), from the level codes. */
  answerValues(k: number, min: number, points: number): Float64Array {
    const levels = this.levels[k];
    const out = new Float64Array(this.used);
    for (let i = 0; i < out.length; i++) out[i] = levels[i] < points ? min + levels[i] : NaN;
    return out;
  }
}
