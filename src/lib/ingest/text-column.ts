import { CsatError } from '../errors';
import { DATA_ERROR } from './decode';

/**
 * A column of trimmed texts (the comments) kept as UTF-8 bytes, one pool and an offset per
 * row (as Arrow does), and made into strings only when read. At a million responses the
 * themes read a few thousand of some 400,000 comments (model/themes.ts, THEME_SAMPLE), and
 * a string per comment cost both threads time and garbage. Blank texts are null.
 * The pool and offsets are plain typed arrays, so a worker thread can transfer a column.
 */
export interface TextColumnData {
  length: number;
  pool: Uint8Array;
  /** Row i is pool[offsets[i], offsets[i + 1]); equal offsets = null. */
  offsets: Int32Array;
}

const decoder = new TextDecoder();
/** Offsets are 32-bit: beyond this much text in one column they would wrap around. */
const MAX_POOL = 2 ** 31 - 1;
const encoder = new TextEncoder();

export class TextColumn implements TextColumnData, TextSource {
  /** `maxBytes`: the most text the column takes (tests set less); more is a CsatError. */
  constructor(private readonly maxBytes = MAX_POOL) {}

  length = 0;
  pool = new Uint8Array(1 << 12);
  offsets = new Int32Array(1 << 10);

  /** Row i's text, or null when it is blank. */
  get(i: number): string | null {
    return textAt(this, i);
  }

  isNull(i: number): boolean {
    return this.offsets[i] === this.offsets[i + 1];
  }

  markPresent(into: Uint8Array): void {
    markRows(this, undefined, this.length, into, 0);
  }

  /** Appends bytes[start, end) of UTF-8 text, trimmed as String.prototype.trim would. */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    [start, end] = trimmedRange(bytes, start, end);
    if (start < 0) return this.pushText(decoder.decode(bytes.subarray(-start - 1, end)).trim());
    this.room(1, end - start);
    const at = this.offsets[this.length];
    // A comment is short: a plain loop beats making a subarray view for set().
    const pool = this.pool;
    for (let k = start; k < end; k++) pool[at + k - start] = bytes[k];
    this.offsets[this.length + 1] = at + (end - start);
    this.length++;
  }

  /** Appends a text (trimmed; blank = null). */
  pushText(text: string | null): void {
    const bytes = encoder.encode(text?.trim() ?? '');
    this.pushBytes(bytes, 0, bytes.length);
  }

  /** The column as transferable data (trimmed to its rows). */
  data(): TextColumnData {
    return { length: this.length, pool: this.pool.subarray(0, this.offsets[this.length]), offsets: this.offsets.subarray(0, this.length + 1) };
  }

  private room(rows: number, bytes: number): void {
    if (this.length + rows + 1 > this.offsets.length) {
      const bigger = new Int32Array(Math.max(this.length + rows + 1, this.offsets.length * 2));
      bigger.set(this.offsets);
      this.offsets = bigger;
    }
    const need = this.offsets[this.length] + bytes;
    if (need > this.maxBytes) {
      throw new CsatError(`a comment column holds more than ${this.maxBytes} bytes of text`, {}, { exitCode: DATA_ERROR, hint: 'split the responses into smaller surveys, or reduce them in a warehouse first (responses.statistics, docs/performance.md)' });
    }
    if (need > this.pool.length) {
      const bigger = new Uint8Array(Math.max(need, this.pool.length * 2));
      bigger.set(this.pool);
      this.pool = bigger;
    }
  }
}

/** Row `row` of a column's data as a string, or null when it is blank. */
function textAt(data: TextColumnData, row: number): string | null {
  const [start, end] = [data.offsets[row], data.offsets[row + 1]];
  return start === end ? null : decoder.decode(data.pool.subarray(start, end));
}

/**
 * The range of bytes[start, end) without leading and trailing white space. ASCII white
 * space is trimmed here; when the text begins or ends with a non-ASCII white-space
 * character (U+00A0, U+3000, U+FEFF…) the result is [−start − 1, end]: trim the string instead.
 */
function trimmedRange(b: Uint8Array, start: number, end: number): [number, number] {
  while (start < end && isAsciiSpace(b[start])) start++;
  while (end > start && isAsciiSpace(b[end - 1])) end--;
  if (start === end) return [start, end];
  let last = end - 1;
  while (last > start && (b[last] & 0xc0) === 0x80) last--;
  return spaceAt(b, start, end) || spaceAt(b, last, end) ? [-start - 1, end] : [start, end];
}

const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** The character at i (UTF-8) is one of the non-ASCII characters String.prototype.trim removes. */
function spaceAt(b: Uint8Array, i: number, end: number): boolean {
  const c = b[i];
  if (c < 0xc2) return false;
  const c1 = i + 1 < end ? b[i + 1] : 0;
  const c2 = i + 2 < end ? b[i + 2] : 0;
  switch (c) {
    case 0xc2: return c1 === 0xa0; // U+00A0
    case 0xe1: return c1 === 0x9a && c2 === 0x80; // U+1680
    case 0xe2: // U+2000–200A, U+2028, U+2029, U+202F, U+205F
      return (c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) || (c1 === 0x81 && c2 === 0x9f);
    case 0xe3: return c1 === 0x80 && c2 === 0x80; // U+3000
    case 0xef: return c1 === 0xbb && c2 === 0xbf; // U+FEFF
    default: return false;
  }
}

/** What reads comments row by row: a TextColumn, the joined view below, or a table's strings (model/themes.ts). */
export interface TextSource {
  /** No text: null, or blank. */
  isNull(i: number): boolean;
  get(i: number): string | null;
  /** Sets into[i] = 1 for every row i that holds a text: isNull for all rows in one pass. */
  markPresent(into: Uint8Array): void;
}

/** Rows 0…rows−1 of a text source as strings (null = blank): a column of the response table. */
export function textsOf(source: TextSource, rows: number): (string | null)[] {
  const out = new Array<string | null>(rows);
  for (let i = 0; i < rows; i++) out[i] = source.get(i);
  return out;
}

/** markPresent over `rows` rows of a column, read through `keep` when given, written from into[at] on. */
function markRows(data: TextColumnData, keep: Int32Array | undefined, rows: number, into: Uint8Array, at: number): void {
  const offsets = data.offsets;
  if (keep) {
    for (let k = 0; k < rows; k++) if (offsets[keep[k]] !== offsets[keep[k] + 1]) into[at + k] = 1;
  } else {
    for (let k = 0; k < rows; k++) if (offsets[k] !== offsets[k + 1]) into[at + k] = 1;
  }
}

/**
 * The rows of several text columns one after another, each through its list of kept rows
 * (all rows when absent), read in place: the comments of the main thread's rows and of the
 * helper's parts, which are never copied into one column (ingest/finish.ts, joinedComments).
 */
export class JoinedTexts implements TextSource {
  /** Row where each piece ends (exclusive), cumulative. */
  private readonly ends: Int32Array;
  // The piece last looked up: rows are mostly read in order.
  private at = 0;

  constructor(private readonly pieces: readonly { data: TextColumnData; keep?: Int32Array; rows: number }[]) {
    this.ends = new Int32Array(pieces.length);
    let end = 0;
    pieces.forEach((p, k) => (this.ends[k] = end += p.rows));
  }

  isNull(i: number): boolean {
    const row = this.locate(i);
    const offsets = this.pieces[this.at].data.offsets;
    return offsets[row] === offsets[row + 1];
  }

  get(i: number): string | null {
    const row = this.locate(i);
    return textAt(this.pieces[this.at].data, row);
  }

  markPresent(into: Uint8Array): void {
    this.pieces.forEach((p, k) => markRows(p.data, p.keep, p.rows, into, k === 0 ? 0 : this.ends[k - 1]));
  }

  /** Makes `at` the piece holding row i; returns the row within that piece's column. */
  private locate(i: number): number {
    let k = this.at;
    if (!(i < this.ends[k] && (k === 0 || i >= this.ends[k - 1]))) {
      // Binary search for the first piece that ends after row i.
      let [lo, hi] = [0, this.ends.length - 1];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.ends[mid] > i) hi = mid;
        else lo = mid + 1;
      }
      this.at = k = lo;
    }
    const piece = this.pieces[k];
    const local = i - (k === 0 ? 0 : this.ends[k - 1]);
    return piece.keep ? piece.keep[local] : local;
  }
}
