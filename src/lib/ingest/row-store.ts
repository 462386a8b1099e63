import { TextColumn } from './text-column';

/**
 * The used rows of an ingest as growable typed columns: answers (NaN = missing), period,
 * segment and customer codes, the IdIndex entry of each row's id, and the comment texts
 * (as UTF-8 bytes: text-column.ts).
 * Growth is geometric, and reserve() takes the expected rows up front, so a million rows
 * are not copied once a file.
 */
export class RowStore {
  capacity = 1024;
  used = 0;
  answers: Float64Array[];
  /** Each answer's level code (value − min; levels + 0 = missing), for the reduction. */
  levels: Uint8Array[];
  periodOf = new Int32Array(this.capacity);
  segmentOf: Int32Array[];
  customerOf = new Int32Array(this.capacity);
  idEntry = new Int32Array(this.capacity);
  readonly comments: TextColumn[];

  constructor(questions: number, segments: number, comments: number) {
    this.answers = Array.from({ length: questions }, () => new Float64Array(this.capacity));
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
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(to);
      b.set(a);
      return b;
    };
    this.answers = this.answers.map((a) => widen(a, (n) => new Float64Array(n)));
    this.levels = this.levels.map((a) => widen(a, (n) => new Uint8Array(n)));
    this.segmentOf = this.segmentOf.map((a) => widen(a, (n) => new Int32Array(n)));
    this.periodOf = widen(this.periodOf, (n) => new Int32Array(n));
    this.customerOf = widen(this.customerOf, (n) => new Int32Array(n));
    this.idEntry = widen(this.idEntry, (n) => new Int32Array(n));
  }

  /** Column k's answers of the used rows: a view when the spare room is small, else a tight copy. */
  answerColumn(k: number): Float64Array {
    const n = this.used;
    return this.capacity - n <= n >> 3 ? this.answers[k].subarray(0, n) : this.answers[k].slice(0, n);
  }
}
