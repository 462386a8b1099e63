import type { CellReader } from './csv';

export const MISSING_ID = -2;
export const NEW_ID = -1;

/**
 * The response ids seen so far, to find duplicates. Ids are compared as their trimmed UTF-8
 * bytes in an open-addressing table of typed arrays: a Map of a million fresh strings costs
 * about a second here, this a small fraction of it.
 *
 * As a CellReader, reading an id cell claims it for `location` and returns the location
 * of its first occurrence, NEW_ID when it is new, or MISSING_ID when the cell is blank.
 */
export class IdIndex implements CellReader {
  /** Where the id being read occurs (set before each read). */
  location = 0;
  private slots = new Int32Array(1 << 12); // entry + 1; 0 = empty
  private hashes = new Int32Array(1 << 11);
  private starts = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private locations = new Float64Array(1 << 11);
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  private size = 0;

  ofText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.ofBytes(bytes, 0, bytes.length);
  }

  ofBytes(b: Uint8Array, start: number, end: number): number {
    while (start < end && isSpace(b[start])) start++;
    while (end > start && isSpace(b[end - 1])) end--;
    if (start === end) return MISSING_ID;
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
    const length = end - start;
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      if (this.hashes[e] === h && this.lengths[e] === length && this.same(e, b, start, length)) return this.locations[e];
      slot = (slot + 1) & mask;
    }
    this.add(h, b, start, length);
    return NEW_ID;
  }

  private same(e: number, b: Uint8Array, start: number, length: number): boolean {
    const at = this.starts[e];
    const pool = this.pool;
    for (let k = 0; k < length; k++) if (pool[at + k] !== b[start + k]) return false;
    return true;
  }

  private add(h: number, b: Uint8Array, start: number, length: number): void {
    if (this.size === this.hashes.length) {
      this.hashes = grow(this.hashes, new Int32Array(this.size * 2));
      this.starts = grow(this.starts, new Int32Array(this.size * 2));
      this.lengths = grow(this.lengths, new Int32Array(this.size * 2));
      this.locations = grow(this.locations, new Float64Array(this.size * 2));
    }
    if (this.poolUsed + length > this.pool.length) {
      this.pool = grow(this.pool, new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length)));
    }
    const e = this.size++;
    // A plain copy: subarray would allocate a view per id.
    const pool = this.pool;
    const at = this.poolUsed;
    for (let k = 0; k < length; k++) pool[at + k] = b[start + k];
    this.hashes[e] = h;
    this.starts[e] = this.poolUsed;
    this.lengths[e] = length;
    this.locations[e] = this.location;
    this.poolUsed += length;
    if (this.size * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let k = 0; k < this.size; k++) this.place(k);
    } else this.place(e);
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[e] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = e + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
