import { parse, type CsvError, type Options } from 'csv-parse/sync';
import { CsatError } from '../errors';
import { DATA_ERROR } from './decode';
import type { Delimiter } from './sniff';
import type { TextColumn } from './text-column';

/**
 * CSV records from UTF-8 bytes, two ways that give the same records and line numbers:
 * - `fast`: a byte-level RFC 4180 scanner over the Buffer. It hands out records as byte
 *   ranges, so a cell becomes a string only when someone asks for its text. A record it does
 *   not handle (a closing quote followed by text, a quote that never closes) is re-read by
 *   csv-parse alone, and the scan goes on after it.
 * - `csv-parse`: csv-parse 7 for the whole file (the reference the tests compare against).
 *
 * Shared rules: records end at CRLF, LF or a lone CR, also mixed in one file; empty lines are
 * skipped; a field that starts with `"` is quoted (`""` inside is one quote) and may hold
 * delimiters and line breaks; a quote inside an unquoted field is an ordinary character
 * (csv-parse `relax_quotes`), so `他说"好"` survives as written; a quote that never closes is
 * a fatal error naming the line where its record starts. `line` is the 1-based physical line
 * where a record starts, counting every line break, also those inside quoted fields.
 */
export type CsvEngine = 'fast' | 'csv-parse';

/** Reads one cell into a number: from its bytes when the engine has them, else from text. */
export interface CellReader {
  ofBytes(buf: Uint8Array, start: number, end: number): number;
  ofText(text: string): number;
}

/** One record, valid only during the callback (the fast engine reuses it). */
export interface RecordView {
  readonly line: number;
  readonly count: number;
  text(i: number): string;
  read(i: number, reader: CellReader): number;
  /** read() for a label book: its own method, so this hot call site sees one receiver type (V8 then inlines it). */
  code(i: number, book: CellReader): number;
  /** Appends field i, trimmed, to a text column (from its bytes when the engine has them). */
  appendText(i: number, to: TextColumn): void;
}

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvStats {
  records: number;
  /** Records the fast engine handed to csv-parse. */
  fallbacks: number;
  /** Where reading stopped (the buffer's length, or past a range's end) and the line there. */
  end: number;
  line: number;
}

/**
 * Part of a buffer for the fast engine: records that begin before `end`, from `start` (a
 * record boundary), numbering lines from `line`; at most `records` of them. The last record
 * read may run past `end`: a caller that guessed `end` as a record boundary checks that
 * reading stopped exactly there (CsvStats.end).
 */
export interface CsvRange {
  start: number;
  end: number;
  line: number;
  records?: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const PLAIN = 0;
const QUOTED = 1;
const ESCAPED = 2; // quoted and holds "" pairs: the bytes are not the value

const PARSE_OPTIONS: Options = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  max_record_size: 1 << 28,
};

class ScannedRecord implements RecordView {
  line = 0;
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  kinds = new Uint8Array(64);
  constructor(readonly buf: Buffer) {}

  text(i: number): string {
    const s = this.buf.toString('utf8', this.starts[i], this.ends[i]);
    return this.kinds[i] === ESCAPED ? s.replaceAll('""', '"') : s;
  }

  read(i: number, reader: CellReader): number {
    return this.kinds[i] === ESCAPED ? reader.ofText(this.text(i)) : reader.ofBytes(this.buf, this.starts[i], this.ends[i]);
  }

  code(i: number, book: CellReader): number {
    return this.kinds[i] === ESCAPED ? book.ofText(this.text(i)) : book.ofBytes(this.buf, this.starts[i], this.ends[i]);
  }

  appendText(i: number, to: TextColumn): void {
    if (this.kinds[i] === ESCAPED) to.pushText(this.text(i));
    else to.pushBytes(this.buf, this.starts[i], this.ends[i]);
  }

  grow(): void {
    const n = this.starts.length * 2;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const kinds = new Uint8Array(n);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    [this.starts, this.ends, this.kinds] = [starts, ends, kinds];
  }
}

class ParsedRecord implements RecordView {
  constructor(
    readonly line: number,
    readonly fields: string[],
  ) {}
  get count(): number {
    return this.fields.length;
  }
  text(i: number): string {
    return this.fields[i];
  }
  read(i: number, reader: CellReader): number {
    return reader.ofText(this.fields[i]);
  }
  code(i: number, book: CellReader): number {
    return book.ofText(this.fields[i]);
  }
  appendText(i: number, to: TextColumn): void {
    to.pushText(this.fields[i]);
  }
}

/** Calls `onRecord` for every record, header included, in file order. */
export function readCsv(bytes: Buffer, delimiter: Delimiter, file: string, onRecord: (r: RecordView) => void, engine: CsvEngine = 'fast', range?: CsvRange): CsvStats {
  if (range && engine !== 'fast') throw new Error('readCsv: a range needs the fast engine');
  return engine === 'fast' ? scan(bytes, delimiter.charCodeAt(0), file, onRecord, range) : parseWhole(bytes, delimiter, file, onRecord);
}

/** Every record as strings (tests, small files). */
export function parseCsv(bytes: Buffer, delimiter: Delimiter, file: string, engine: CsvEngine = 'fast'): CsvRecord[] {
  const out: CsvRecord[] = [];
  readCsv(bytes, delimiter, file, (r) => out.push({ line: r.line, fields: Array.from({ length: r.count }, (_, i) => r.text(i)) }), engine);
  return out;
}

function scan(buf: Buffer, delim: number, file: string, onRecord: (r: RecordView) => void, range?: CsvRange): CsvStats {
  const n = buf.length;
  const rec = new ScannedRecord(buf);
  const stops = new Uint8Array(256);
  stops[delim] = stops[LF] = stops[CR] = 1;
  let p = range ? range.start : buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0; // as csv-parse's bom option
  let line = range ? range.line : 1;
  const stop = range ? Math.min(range.end, n) : n;
  const most = range?.records ?? Infinity;
  let records = 0;
  let fallbacks = 0;
  while (p < stop && records < most) {
    let c = buf[p];
    if (c === LF || c === CR) {
      // An empty line: skipped, but counted.
      p += c === CR && buf[p + 1] === LF ? 2 : 1;
      line++;
      continue;
    }
    const recordStart = p;
    const recordLine = line;
    let count = 0;
    let handled = true;
    for (;;) {
      if (count === rec.starts.length) rec.grow();
      if (p < n && buf[p] === QUOTE) {
        let q = p + 1;
        let kind = QUOTED;
        for (;;) {
          if (q >= n) break;
          c = buf[q];
          if (c === QUOTE) {
            if (buf[q + 1] !== QUOTE) break;
            kind = ESCAPED;
            q += 2;
            continue;
          }
          if (c === LF) line++;
          else if (c === CR && buf[q + 1] !== LF) line++;
          q++;
        }
        if (q >= n) {
          handled = false; // never closes
          break;
        }
        rec.starts[count] = p + 1;
        rec.ends[count] = q;
        rec.kinds[count] = kind;
        count++;
        p = q + 1;
        if (p >= n) break;
        c = buf[p];
        if (c === delim) {
          p++;
          continue;
        }
        if (c === LF || c === CR) {
          p += c === CR && buf[p + 1] === LF ? 2 : 1;
          line++;
          break;
        }
        handled = false; // text after a closing quote
        break;
      }
      let q = p;
      // One table lookup per byte instead of three comparisons.
      while (q < n && stops[buf[q]] === 0) q++;
      if (q < n) c = buf[q];
      rec.starts[count] = p;
      rec.ends[count] = q;
      rec.kinds[count] = PLAIN;
      count++;
      p = q;
      if (q >= n) break;
      if (c === delim) {
        p++;
        continue;
      }
      p += c === CR && buf[p + 1] === LF ? 2 : 1;
      line++;
      break;
    }
    records++;
    if (handled) {
      rec.line = recordLine;
      rec.count = count;
      onRecord(rec);
      continue;
    }
    fallbacks++;
    const one = parseOneRecord(buf, String.fromCharCode(delim), recordStart, recordLine, file);
    p = one.end;
    line = recordLine + lineBreaks(buf, recordStart, one.end);
    onRecord(new ParsedRecord(recordLine, one.fields));
  }
  return { records, fallbacks, end: p, line };
}

/** csv-parse on a growing window from `start` until one whole record fits in it. */
function parseOneRecord(buf: Buffer, delimiter: string, start: number, line: number, file: string): { fields: string[]; end: number } {
  for (let size = 1 << 16; ; size *= 4) {
    const end = Math.min(buf.length, start + size);
    let result: { fields: string[]; end: number } | undefined;
    try {
      parse(buf.subarray(start, end), {
        ...PARSE_OPTIONS,
        delimiter,
        to: 1,
        on_record: (record: string[], context) => {
          result = { fields: record, end: start + context.bytes };
          return null;
        },
      });
    } catch (e) {
      if (end < buf.length) continue; // the record may go on past the window
      throw csvError(e as CsvError, line, file);
    }
    if (result && (result.end < end || end === buf.length)) return result;
    if (end === buf.length) throw new CsatError('unreadable record', { file, line }, { exitCode: DATA_ERROR });
  }
}

function parseWhole(buf: Buffer, delimiter: Delimiter, file: string, onRecord: (r: RecordView) => void): CsvStats {
  let from = 0;
  let line = 1;
  let records = 0;
  // Blank lines before a record were skipped by csv-parse; they still count as lines.
  const skipBlank = (limit: number) => {
    while (from < limit && (buf[from] === LF || buf[from] === CR)) {
      from += buf[from] === CR && buf[from + 1] === LF ? 2 : 1;
      line++;
    }
  };
  const advance = (to: number) => {
    skipBlank(to);
    const start = line;
    line += lineBreaks(buf, from, to);
    from = to;
    return start;
  };
  try {
    parse(buf, {
      ...PARSE_OPTIONS,
      delimiter,
      on_record: (record: string[], context) => {
        records++;
        onRecord(new ParsedRecord(advance(context.bytes), record));
        return null;
      },
    });
  } catch (e) {
    if (e instanceof CsatError || !(e as CsvError).code) throw e;
    // The failing record starts after the last one read and any blank lines.
    skipBlank(buf.length);
    throw csvError(e as CsvError, line, file);
  }
  skipBlank(buf.length);
  return { records, fallbacks: 0, end: buf.length, line };
}

function csvError(e: CsvError, line: number, file: string): CsatError {
  const field = typeof (e as { column?: unknown }).column === 'number' ? (e as unknown as { column: number }).column + 1 : undefined;
  const where = { file, line, column: field === undefined ? undefined : `field ${field}` };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new CsatError('unclosed quote: a quoted field in the record starting here runs to the end of the file', where, {
      exitCode: DATA_ERROR,
      hint: 'expected a closing " before the next delimiter or line break; a quote inside a quoted field is written ""',
    });
  }
  return new CsatError(`cannot parse CSV: ${e.message.split('\n')[0]}`, where, { exitCode: DATA_ERROR });
}

/** Line breaks in [from, to): CRLF, LF and a lone CR count one each. */
export function lineBreaks(buf: Uint8Array, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c === LF || (c === CR && buf[i + 1] !== LF)) k++;
  }
  return k;
}

/** True when every field from `from` on is blank. */
export function emptyFrom(r: RecordView, from: number): boolean {
  for (let i = from; i < r.count; i++) if (r.text(i).trim() !== '') return false;
  return true;
}

/** The first non-blank field from `from` on, or ''. */
export function firstNonEmpty(r: RecordView, from: number): string {
  for (let i = from; i < r.count; i++) if (r.text(i).trim() !== '') return r.text(i);
  return '';
}
