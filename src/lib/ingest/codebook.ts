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
  private poolView = new DataView(this.pool.buffer);
  private poolUsed = 0;
  // The buffer last read from, and a view of it for word-wise reads.
  private buf?: Uint8Array;
  private view: DataView = new DataView(new ArrayBuffer(0));
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
    if (buf !== this.buf) {
      this.buf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const view = this.view;
    const length = end - start;
    // FNV-1a over 4-byte words, then the last bytes: a third of the steps of byte-wise FNV.
    let h = 0x811c9dc5 ^ length;
    let i = start;
    for (; i + 4 <= end; i += 4) h = Math.imul(h ^ view.getInt32(i, true), 0x01000193);
    for (; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      if (this.entryHash[e] === h && this.entryLength[e] === length && this.sameBytes(e, view, start, length)) return this.entryCode[e];
      slot = (slot + 1) & mask;
    }
    const code = this.ofText(Buffer.from(buf.buffer, buf.byteOffset + start, length).toString('utf8'));
    if (this.entries < this.limit) this.insert(h, buf, start, length, code);
    return code;
  }

  /** Entry e's bytes equal view[start, start + length), compared 4 bytes at a time. */
  private sameBytes(e: number, view: DataView, start: number, length: number): boolean {
    const pool = this.poolView;
    const at = this.entryStart[e];
    let k = 0;
    for (; k + 4 <= length; k += 4) if (pool.getInt32(at + k, true) !== view.getInt32(start + k, true)) return false;
    for (; k < length; k++) if (pool.getUint8(at + k) !== view.getUint8(start + k)) return false;
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
      this.poolView = new DataView(bigger.buffer);
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
