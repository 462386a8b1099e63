import { isUtf8 } from 'node:buffer';
import { CsatError } from '../errors';

/**
 * Turns a file's bytes into UTF-8 bytes without a byte order mark, so the CSV scanner
 * works on one encoding only. Invalid bytes are a fatal error (never U+FFFD): a replaced
 * character could turn a label into another one or invent text, and the user can fix the
 * file once it names the line and byte.
 */
export interface Decoded {
  /** The content as UTF-8, byte order mark removed. */
  bytes: Buffer;
  /** What was found, for the accounting: `utf-8`, `utf-8 (BOM)`, `utf-16le (BOM)`, `gb18030` … */
  encoding: string;
}

export const DATA_ERROR = 2;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const CHUNK = 16 << 20;

/** Names accepted for `responses.encoding`, besides any other WHATWG label TextDecoder knows. */
export function checkEncodingLabel(label: string): boolean {
  if (label === 'auto') return true;
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function decodeBytes(raw: Buffer, declared: string, file: string): Decoded {
  const label = declared.toLowerCase();
  // A byte order mark wins over the declared encoding, as in the WHATWG decode algorithm.
  if (startsWith(raw, UTF8_BOM)) return utf8(raw.subarray(3), file, 'utf-8 (BOM)', true);
  if (raw[0] === 0xff && raw[1] === 0xfe) return transcode(raw.subarray(2), 'utf-16le', file, 'utf-16le (BOM)');
  if (raw[0] === 0xfe && raw[1] === 0xff) return transcode(raw.subarray(2), 'utf-16be', file, 'utf-16be (BOM)');
  if (label !== 'auto') {
    const canonical = new TextDecoder(label).encoding;
    if (canonical === 'utf-8') return utf8(raw, file, 'utf-8', false);
    return transcode(raw, canonical, file, canonical === 'gbk' ? 'gb18030' : canonical);
  }
  const utf16 = guessUtf16(raw, file);
  if (utf16) return transcode(raw, utf16, file, `${utf16} (no BOM)`);
  if (isUtf8(raw)) return { bytes: raw, encoding: 'utf-8' };
  const scan = scanUtf8(raw);
  // Mostly well-formed multi-byte sequences: a damaged UTF-8 file, not GBK.
  if (scan.valid > 0 && scan.valid >= 4 * scan.invalid) throw invalidUtf8(raw, scan.firstInvalid, file, false);
  try {
    return { bytes: decodeChunked(raw, 'gb18030'), encoding: 'gb18030' };
  } catch {
    throw new CsatError(
      `not UTF-8, UTF-16 or GB18030 text: byte 0x${hex(raw[scan.firstInvalid])} at ${positionText(raw, scan.firstInvalid)} is not valid UTF-8`,
      { file, ...position(raw, scan.firstInvalid) },
      { exitCode: DATA_ERROR, hint: 'save the file as UTF-8, or set responses.encoding in the survey definition' },
    );
  }
}

function utf8(bytes: Buffer, file: string, encoding: string, hadBom: boolean): Decoded {
  if (isUtf8(bytes)) return { bytes, encoding };
  throw invalidUtf8(bytes, scanUtf8(bytes).firstInvalid, file, hadBom);
}

function invalidUtf8(bytes: Buffer, at: number, file: string, hadBom: boolean): CsatError {
  const where = { file, ...position(bytes, at, hadBom ? 3 : 0) };
  if (hadBom && looksLikeGbk(bytes)) {
    return new CsatError(
      `starts with a UTF-8 byte order mark, but byte 0x${hex(bytes[at])} at ${positionText(bytes, at, 3)} is not UTF-8 (the rest looks like GBK/GB18030)`,
      where,
      { exitCode: DATA_ERROR, hint: 'save the whole file again as UTF-8, or remove the byte order mark and set responses.encoding: gb18030' },
    );
  }
  return new CsatError(`invalid UTF-8: byte 0x${hex(bytes[at])} at ${positionText(bytes, at, hadBom ? 3 : 0)} is not part of a valid character`, where, {
    exitCode: DATA_ERROR,
    hint: 'the file is damaged or not UTF-8; save it again as UTF-8, or set responses.encoding (e.g. gb18030)',
  });
}

function looksLikeGbk(bytes: Buffer): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function transcode(bytes: Buffer, encoding: string, file: string, reported: string): Decoded {
  try {
    return { bytes: decodeChunked(bytes, encoding), encoding: reported };
  } catch {
    const line = firstUndecodableLine(bytes, encoding);
    throw new CsatError(`not valid ${encoding}: line ${line} holds bytes that cannot be decoded`, { file, line }, {
      exitCode: DATA_ERROR,
      hint: 'check responses.encoding in the survey definition, or save the file as UTF-8',
    });
  }
}

/** Decodes in chunks (a single string is capped at about 512M characters) and re-encodes as UTF-8. */
function decodeChunked(bytes: Buffer, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  if (bytes.length <= CHUNK) return Buffer.from(decoder.decode(bytes), 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK);
    parts.push(Buffer.from(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }), 'utf8'));
  }
  return Buffer.concat(parts);
}

/** The first line that fails to decode on its own. */
function firstUndecodableLine(bytes: Buffer, encoding: string): number {
  const unit = encoding.startsWith('utf-16') ? 2 : 1;
  const lf = encoding === 'utf-16be' ? [0x00, 0x0a] : encoding === 'utf-16le' ? [0x0a, 0x00] : [0x0a];
  let start = 0;
  let line = 1;
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  for (let i = 0; i + unit <= bytes.length; i += unit) {
    const isLf = lf.every((b, k) => bytes[i + k] === b);
    if (isLf || i + unit >= bytes.length) {
      try {
        decoder.decode(bytes.subarray(start, i + unit));
      } catch {
        return line;
      }
      start = i + unit;
      line++;
    }
  }
  return line;
}

/** UTF-16 without a byte order mark: NUL bytes, all on one side of each code unit. */
function guessUtf16(raw: Buffer, file: string): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(raw.length, 1 << 16);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (raw[i] === 0) (i & 1 ? odd++ : even++);
  if (even + odd === 0) return undefined;
  // ASCII characters put a NUL in every other byte; a CJK character ending in 00 (一 is
  // U+4E00) puts one on the other side now and then.
  const main = Math.max(even, odd);
  if (main * 20 >= n && main >= 9 * Math.min(even, odd) && raw.length % 2 === 0) return odd > even ? 'utf-16le' : 'utf-16be';
  const at = raw.indexOf(0);
  throw new CsatError(`contains a NUL byte at ${positionText(raw, at)}; CSV text never does`, { file, ...position(raw, at) }, {
    exitCode: DATA_ERROR,
    hint: 'the file may be UTF-16 or binary: save it as UTF-8, or set responses.encoding',
  });
}

interface Utf8Scan {
  firstInvalid: number;
  valid: number;
  invalid: number;
}

/** Counts well-formed multi-byte sequences and invalid bytes (RFC 3629 table 3-7). */
export function scanUtf8(b: Uint8Array): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let ok = len > 0 && i + len <= n && b[i + 1] >= lo && b[i + 1] <= hi;
    for (let k = 2; ok && k < len; k++) ok = b[i + k] >= 0x80 && b[i + k] <= 0xbf;
    if (ok) {
      valid++;
      i += len;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, valid, invalid };
}

/** 1-based line and byte column of a byte offset (CRLF, LF and CR each end a line). */
export function position(b: Uint8Array, offset: number, skipped = 0): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = b[i];
    if (c === 0x0a || (c === 0x0d && b[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 + (line === 1 ? skipped : 0) };
}

function positionText(b: Uint8Array, offset: number, skipped = 0): string {
  const p = position(b, offset, skipped);
  return `line ${p.line}, byte ${p.column}`;
}

function startsWith(b: Uint8Array, prefix: number[]): boolean {
  return prefix.every((x, i) => b[i] === x);
}

const hex = (x: number) => x.toString(16).toUpperCase().padStart(2, '0');

/**
 * decodeBytes for the files that have no encoding setting (actions, transactions): the same
 * detection, with hints that do not point at `responses.encoding`.
 */
export function decodeAuto(raw: Buffer, file: string): Decoded {
  try {
    return decodeBytes(raw, 'auto', file);
  } catch (e) {
    if (!(e instanceof CsatError)) throw e;
    throw new CsatError(e.message, e.where, { exitCode: e.exitCode, hint: 'save the file as UTF-8 (this file is read as UTF-8, UTF-16 with a byte order mark, or GB18030)' });
  }
}
