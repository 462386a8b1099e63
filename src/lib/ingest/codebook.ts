/**
 * Maps each distinct cell of a column to a small integer code, resolving a distinct value
 * only once. Cells arrive either as text (csv-parse) or as a byte range of the file
 * (the fast scanner); byte ranges are looked up by an FNV-1a hash in an open-addressing
 * table and then compared byte by byte, so a hash collision can never map a label to the
 * wrong value. No string is made for a cell whose bytes were seen before.
 */
export class CodeBook {
  private readonly byText = new Map<string, number>();
  private slots = new Int32Array(64); // entry index + 1; 0 = empty
  private entryHash = new Int32Array(32);
  private entryStart = new Int32Array(32);
  private entryLength = new Int32Array(32);
  private entryCode = new Int32Array(32);
  private pool = new Uint8Array(1024);
  private poolUsed = 0;
  private entries = 0;

  /** `resolve` turns a raw cell text into a code; it is called once per distinct text. */
  constructor(
    private readonly resolve: (text: string) => number,
    private readonly limit = 50_000,
  ) {}

  get size(): number {
    return this.byText.size;
  }

  ofText(text: string): number {
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.resolve(text);
      // A column with unbounded distinct values (free text by mistake) stops caching.
      if (this.byText.size < this.limit) this.byText.set(text, code);
    }
    return code;
  }

  ofBytes(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    const length = end - start;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      if (this.entryHash[e] === h && this.entryLength[e] === length && this.sameBytes(e, buf, start, length)) return this.entryCode[e];
      slot = (slot + 1) & mask;
    }
    const code = this.ofText(Buffer.from(buf.buffer, buf.byteOffset + start, length).toString('utf8'));
    if (this.entries < this.limit) this.insert(h, buf, start, length, code);
    return code;
  }

  private sameBytes(e: number, buf: Uint8Array, start: number, length: number): boolean {
    const pool = this.pool;
    const at = this.entryStart[e];
    for (let k = 0; k < length; k++) if (pool[at + k] !== buf[start + k]) return false;
    return true;
  }

  private insert(h: number, buf: Uint8Array, start: number, length: number, code: number): void {
    const e = this.entries++;
    if (e === this.entryHash.length) {
      this.entryHash = grow(this.entryHash);
      this.entryStart = grow(this.entryStart);
      this.entryLength = grow(this.entryLength);
      this.entryCode = grow(this.entryCode);
    }
    while (this.poolUsed + length > this.pool.length) {
      const bigger = new Uint8Array(this.pool.length * 2);
      bigger.set(this.pool);
      this.pool = bigger;
    }
    this.pool.set(buf.subarray(start, start + length), this.poolUsed);
    this.entryHash[e] = h;
    this.entryStart[e] = this.poolUsed;
    this.entryLength[e] = length;
    this.entryCode[e] = code;
    this.poolUsed += length;
    if (this.entries * 2 > this.slots.length) this.rehash();
    else this.place(e);
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let slot = this.entryHash[e] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.entries; e++) this.place(e);
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
