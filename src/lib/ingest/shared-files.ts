import fs from 'node:fs';
import type { Decoded } from './decode';

/**
 * One copy of a large responses file for both threads. When the threads share a file's
 * pieces (read-files.ts), each used to read and check the whole file: twice the reading,
 * and two copies in memory (at 1M responses in one 175 MB file, 690 MiB at the peak).
 * Now the first thread to open the file reads it into shared memory reserved up front (a
 * SharedArrayBuffer takes memory only where it is written) and decodes it; the other thread
 * waits for that if it comes meanwhile, then reads the same bytes.
 *
 * Only UTF-8 is shared: the bytes are then the file's own. Anything else (another encoding,
 * which one thread reads whole anyway, an error, a file whose size changed) leaves the
 * other thread to read the file itself, as before, so results and messages stay the same.
 */
export interface SharedFiles {
  /** Absolute paths, one slot each. */
  files: string[];
  /** Per slot: EMPTY, LOADING, or what the thread that loaded it found. */
  status: Int32Array;
  /** Per slot: the file's bytes once loaded; null where this thread no longer needs them. */
  buffers: (SharedArrayBuffer | null)[];
}

const EMPTY = 0;
const LOADING = 1;
const OWN = 2; // not shared: read it yourself
const UTF8 = 3;
const UTF8_BOM = 4;
const WAIT_MS = 5 * 60_000;
/**
 * Larger files are not shared: they go the ordinary way, where reading one fails with a
 * one-line error (Node reads at most this much into one buffer, and the scanner's 32-bit
 * offsets could not address more).
 */
export const MAX_SHARED_BYTES = 2 ** 31 - 1;

/** Reserves a slot for each file (of `size` bytes); nothing is read or committed yet. */
export function reserveSharedFiles(files: { abs: string; size: number }[]): SharedFiles {
  return {
    files: files.map((f) => f.abs),
    status: new Int32Array(new SharedArrayBuffer(4 * files.length)),
    buffers: files.map((f) => (f.size > 0 && f.size <= MAX_SHARED_BYTES ? reserve(f.size) : null)),
  };
}

/** Shared memory of `bytes`, or null where the system will not reserve it (the file is then read the ordinary way). */
function reserve(bytes: number): SharedArrayBuffer | null {
  try {
    return new SharedArrayBuffer(bytes);
  } catch {
    return null;
  }
}

/**
 * The file decoded, from shared memory: loaded here (`read` fills the buffer, `decode` checks
 * it) if this thread is the first, else the other thread's bytes. Undefined when this thread
 * must read the file itself: not shared, not UTF-8, or the loading failed.
 */
export function openShared(shared: SharedFiles, abs: string, read: (into: Buffer) => boolean, decode: (raw: Buffer) => Decoded): Decoded | undefined {
  const slot = shared.files.indexOf(abs);
  const sab = slot < 0 ? null : shared.buffers[slot];
  if (!sab) return undefined;
  const status = shared.status;
  if (Atomics.compareExchange(status, slot, EMPTY, LOADING) === EMPTY) {
    let found = OWN;
    try {
      const raw = Buffer.from(sab);
      if (!read(raw)) return undefined;
      const decoded = decode(raw);
      if (decoded.bytes.buffer === sab) found = decoded.encoding === 'utf-8 (BOM)' ? UTF8_BOM : UTF8;
      return decoded;
    } finally {
      Atomics.store(status, slot, found);
      Atomics.notify(status, slot);
    }
  }
  while (Atomics.load(status, slot) === LOADING) {
    if (Atomics.wait(status, slot, LOADING, WAIT_MS) === 'timed-out') return undefined;
  }
  const found = Atomics.load(status, slot);
  if (found === UTF8) return { bytes: Buffer.from(sab), encoding: 'utf-8' };
  if (found === UTF8_BOM) return { bytes: Buffer.from(sab, 3), encoding: 'utf-8 (BOM)' };
  return undefined;
}

/** This thread no longer needs the file: its memory is freed once neither thread holds it. */
export function releaseShared(shared: SharedFiles, abs: string): void {
  const slot = shared.files.indexOf(abs);
  if (slot >= 0) shared.buffers[slot] = null;
}

/** Fills `into` with the file's bytes; false when the file is not exactly that long (it changed since its size was taken). */
export function readFileInto(abs: string, into: Buffer): boolean {
  const fd = fs.openSync(abs, 'r');
  try {
    let at = 0;
    while (at < into.length) {
      const n = fs.readSync(fd, into, at, into.length - at, at);
      if (n === 0) return false;
      at += n;
    }
    return fs.readSync(fd, Buffer.alloc(1), 0, 1, at) === 0;
  } finally {
    fs.closeSync(fd);
  }
}
