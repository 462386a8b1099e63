import type { CellReader } from './csv';

export const MISSING_ID = -2;
export const NEW_ID = -1;
/** An id's location is file index · LOCATION_SPAN + line (the builder's files, in order). */
export const LOCATION_SPAN = 2 ** 31;

/** What a duplicate id's cell should have held (`at`: RowBuilder.firstUsedAt). */
export const unusedIdExpected = (at: string) => `a response id not used before; this one was first used at ${at}`;

/**
 * The response ids seen so far, to find duplicates. Ids are compared as their trimmed UTF-8
 * bytes in an open-addressing table of typed arrays: a Map of a million fresh strings costs
 * about a second here, this a small fraction of it.
 *
 * Exports usually list ids in ascending order. While every id is greater (bytewise) than the
 * one before, none can repeat an earlier one, so ids are only stored; the hash table is
 * built from them at the first id that is not greater, and used from then on. (A million
 * random probes into a table of megabytes miss the cache; the ascending check does not.)
 *
 * As a CellReader, reading an id cell claims it for `location` and returns the location
 * of its first occurrence, NEW_ID when it is new, or MISSING_ID when the cell is blank.
 */
export class IdIndex implements CellReader {
  /** Where the id being read occurs (set before each read). */
  location = 0;
  private slots = new Int32Array(0); // entry + 1; 0 = empty; empty while ascending
  private hashes = new Int32Array(1 << 11);
  private starts = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private locations = new Float64Array(1 << 11);
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  private size = 0;
  private ascending = true;
  /** The entry of the id the last read found or stored (−1 after a blank one). */
  entry = -1;

  /** Makes room for `more` ids at once (saves the copies of doubling). */
  reserve(more: number): void {
    const need = this.size + more;
    if (need > this.hashes.length) this.resize(Math.max(need, Math.ceil(this.hashes.length * 1.5)));
    if (!this.ascending) this.growSlots(need);
  }

  /** The entry of the id the last read found or stored (−1 after a blank one). */
  get lastEntry(): number {
    return this.entry;
  }

  /** Ids stored so far. */
  get count(): number {
    return this.size;
  }

  /** The stored ids' bytes: pool[starts[e] … starts[e] + lengths[e]) is entry e. */
  storage(): { pool: Uint8Array; starts: Int32Array; lengths: Int32Array } {
    return { pool: this.pool.subarray(0, this.poolUsed), starts: this.starts.subarray(0, this.size), lengths: this.lengths.subarray(0, this.size) };
  }

  /** An id's text (trimmed), by its entry. */
  text(entry: number): string {
    return Buffer.from(this.pool.buffer, this.pool.byteOffset + this.starts[entry], this.lengths[entry]).toString('utf8');
  }

  ofText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.ofBytes(bytes, 0, bytes.length);
  }

  ofBytes(b: Uint8Array, start: number, end: number): number {
    while (start < end && isSpace(b[start])) start++;
    while (end > start && isSpace(b[end - 1])) end--;
    if (start === end) {
      this.entry = -1;
      return MISSING_ID;
    }
    const length = end - start;
    if (this.ascending) {
      if (this.size === 0 || this.afterLast(b, start, length)) {
        this.entry = this.add(b, start, length);
        return NEW_ID;
      }
      this.ascending = false;
      this.growSlots(this.size + 1);
    }
    const h = hash(b, start, end);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      if (this.hashes[e] === h && this.lengths[e] === length && this.same(e, b, start, length)) {
        this.entry = e;
        return this.locations[e];
      }
      slot = (slot + 1) & mask;
    }
    const e = this.add(b, start, length);
    this.entry = e;
    this.hashes[e] = h;
    if (this.size * 2 > this.slots.length) this.growSlots(this.size);
    else this.place(e);
    return NEW_ID;
  }

  /** True when the id sorts after the last one stored (bytewise, a prefix first). */
  private afterLast(b: Uint8Array, start: number, length: number): boolean {
    const e = this.size - 1;
    const at = this.starts[e];
    const other = this.lengths[e];
    const pool = this.pool;
    const n = Math.min(length, other);
    for (let k = 0; k < n; k++) {
      const d = b[start + k] - pool[at + k];
      if (d !== 0) return d > 0;
    }
    return length > other;
  }

  private same(e: number, b: Uint8Array, start: number, length: number): boolean {
    const at = this.starts[e];
    const pool = this.pool;
    for (let k = 0; k < length; k++) if (pool[at + k] !== b[start + k]) return false;
    return true;
  }

  /** Stores an id (its hash is set by the caller once the table is in use). */
  private add(b: Uint8Array, start: number, length: number): number {
    if (this.size === this.hashes.length) this.resize(this.size * 2);
    if (this.poolUsed + length > this.pool.length) {
      this.pool = grow(this.pool, new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length)));
    }
    const e = this.size++;
    // A plain copy: subarray would allocate a view per id.
    const pool = this.pool;
    const at = this.poolUsed;
    for (let k = 0; k < length; k++) pool[at + k] = b[start + k];
    this.starts[e] = at;
    this.lengths[e] = length;
    this.locations[e] = this.location;
    this.poolUsed += length;
    return e;
  }

  private resize(capacity: number): void {
    this.hashes = grow(this.hashes, new Int32Array(capacity));
    this.starts = grow(this.starts, new Int32Array(capacity));
    this.lengths = grow(this.lengths, new Int32Array(capacity));
    this.locations = grow(this.locations, new Float64Array(capacity));
  }

  /** A table with room for `entries` at half load, every stored id hashed into it. */
  private growSlots(entries: number): void {
    let size = Math.max(this.slots.length, 1 << 12);
    while (entries * 2 > size) size *= 2;
    if (size === this.slots.length) return;
    const fresh = this.slots.length === 0;
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.size; e++) {
      if (fresh) this.hashes[e] = hash(this.pool, this.starts[e], this.starts[e] + this.lengths[e]);
      this.place(e);
    }
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[e] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = e + 1;
  }
}

/** FNV-1a of the bytes. */
function hash(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
