import fs from 'node:fs';
import { CsatError } from '../errors';
import { readCsv, type CsvEngine, type CsvRange, type RecordView } from './csv';
import { DATA_ERROR, decodeBytes, type Decoded } from './decode';
import { matchHeader } from './header';
import { toPart, type IngestPart } from './part';
import { RowBuilder } from './rows';
import { openShared, readFileInto, releaseShared, type SharedFiles } from './shared-files';
import { sniffDelimiter, type Delimiter } from './sniff';
import type { SurveyConfig } from '../config/types';

/** A responses file: absolute path, the name messages show, and its size in bytes. */
export interface InputFile {
  abs: string;
  shown: string;
  size: number;
}

export const inputFile = (abs: string, shown: string): InputFile => ({ abs, shown, size: fileSize(abs) });

/**
 * What the threads share: a whole file, or one of the pieces a large file is cut into, so
 * that one big export keeps both threads busy and neither waits long for the other's last
 * file. Piece `index` of `count` covers the bytes from the first line start at or after
 * index/count of the file to the next piece's start: a guess at a record boundary, since a
 * quoted field may hold line breaks. The guess is checked by whoever reads the piece before:
 * its last record must end exactly there. If it does not, that reader reads on through the
 * next piece, and so on until it stops exactly at a piece's start (PieceEnd.next); the pieces
 * it read through are void. A file that is not UTF-8 is read whole by its first piece.
 */
export interface InputPiece {
  file: InputFile;
  index: number;
  count: number;
}

/** Files of at least twice this size are cut into pieces of about this size. */
export const PIECE_BYTES = 6 << 20;
const MAX_PIECES = 64;

export function piecesOf(files: InputFile[], pieceBytes = PIECE_BYTES): InputPiece[] {
  return files.flatMap((file) => {
    const count = file.size >= 2 * pieceBytes ? Math.min(MAX_PIECES, Math.round(file.size / pieceBytes)) : 1;
    return Array.from({ length: count }, (_, index) => ({ file, index, count }));
  });
}

/**
 * Where a piece's reading ended: the line there, and the first piece of the file not read
 * yet, whose start is now known to be a record boundary (index + 1, or later when a guessed
 * boundary was inside a record and the reading went on through the pieces after it).
 */
export interface PieceEnd {
  line: number;
  next: number;
}

/**
 * What reading a piece gave: where it ended (none for a void piece), whether its lines were
 * counted from 1 rather than from the file's start, and a file with a header and no rows.
 */
export interface PieceRead {
  end?: PieceEnd;
  relative: boolean;
  headerOnly?: { file: string; line: number };
}

interface OpenFile {
  abs: string;
  decoded: Decoded;
  delimiter: Delimiter;
  splittable: boolean;
}

/**
 * Reads pieces into builders, in order (decode, delimiter, header, rows), keeping the last
 * file's decoded bytes, so consecutive pieces of a file are read from disk once (with
 * `shared`, once for both threads). A piece that continues the one this reader just read
 * into the same builder goes on with its line count
 * and header; any other piece after a file's first starts a new builder's file from the
 * header and counts lines from 1 (the part is `relative`: replayPart adds the offset).
 * Imports nothing of the survey definition's loader, so a worker thread loads it quickly.
 */
export class PieceReader {
  private open?: OpenFile;
  private last?: { builder: RowBuilder; abs: string; end: PieceEnd };

  /** `shared`: the files both threads read pieces of, loaded once for both (shared-files.ts). */
  constructor(
    private readonly engine: CsvEngine | undefined,
    private readonly shared?: SharedFiles,
  ) {}

  /**
   * Reads `piece` into `builder`; `laterBytes`: bytes of what will be read into it after this
   * piece (its rows per byte then size the columns once).
   */
  read(builder: RowBuilder, piece: InputPiece, laterBytes = 0): PieceRead {
    const config = builder.config;
    const { abs, shown: file } = piece.file;
    const open = this.openFile(piece.file, config.responses.encoding, config.responses.delimiter);
    const count = open.splittable && this.engine !== 'csv-parse' ? piece.count : 1;
    if (piece.index >= count) return { relative: false }; // void: the first piece reads the whole file
    const last = this.last?.builder === builder && this.last.abs === abs ? this.last : undefined;
    if (last && piece.index < last.end.next) return { relative: false }; // void: read by the piece before
    const continues = last !== undefined && piece.index === last.end.next;
    const bytes = open.decoded.bytes;
    const before = builder.rowsRead;
    let read: PieceRead;
    if (count === 1) {
      read = this.readWhole(builder, open, file, laterBytes);
      // A file the threads were to share in pieces, read whole here: its other pieces are void.
      read.end!.next = piece.count;
    } else {
      if (!continues) this.readHeader(builder, open, file);
      const start = boundary(bytes, piece.index, count);
      const end = boundary(bytes, piece.index + 1, count);
      builder.reserve(countLines(bytes, start, end, before === 0 && end > start ? laterBytes / (end - start) : 0));
      const add = (record: RecordView) => builder.add(record);
      // The first piece starts at the file's start, and skips the header record again.
      let skipHeader = piece.index === 0;
      const range: CsvRange = { start: piece.index === 0 ? 0 : start, end, line: continues ? last.end.line : 1 };
      const relative = piece.index > 0 && !continues;
      let next = piece.index + 1;
      let stats;
      try {
        stats = readCsv(bytes, open.delimiter, file, (record) => (skipHeader ? (skipHeader = false) : add(record)), 'fast', range);
        while (next < count && stats.end !== boundary(bytes, next, count)) {
          // The guessed start of piece `next` is inside a record: read on through that piece too.
          next++;
          stats = readCsv(bytes, open.delimiter, file, add, 'fast', { start: stats.end, end: boundary(bytes, next, count), line: stats.line });
        }
      } catch (e) {
        // Its line counts from the piece's start: replayPart adds the offset.
        if (relative && e instanceof CsatError) (e as CsatError & { relativeLine?: boolean }).relativeLine = true;
        throw e;
      }
      read = { end: { line: stats.line, next }, relative };
    }
    this.last = { builder, abs, end: read.end! };
    return read;
  }

  /** A whole file, header first (both engines). */
  private readWhole(builder: RowBuilder, open: OpenFile, file: string, laterBytes: number): PieceRead {
    const bytes = open.decoded.bytes;
    const before = builder.rowsRead;
    builder.reserve(countLines(bytes, 0, bytes.length, bytes.length > 0 ? laterBytes / bytes.length : 0));
    let headerLine = 0;
    const stats = readCsv(bytes, open.delimiter, file, (record) => {
      if (headerLine > 0) return builder.add(record);
      headerLine = record.line;
      builder.beginFile(file, open.decoded.encoding, open.delimiter, matchHeader(headerNames(record), builder.config, file, record.line));
    }, this.engine);
    if (headerLine === 0) throw emptyFile(file);
    const headerOnly = builder.rowsRead === before ? { file, line: headerLine + 1 } : undefined;
    return { end: { line: stats.line, next: 1 }, relative: false, headerOnly };
  }

  /** The header record of a file whose rows are read from a piece further on. */
  private readHeader(builder: RowBuilder, open: OpenFile, file: string): void {
    let found = false;
    readCsv(open.decoded.bytes, open.delimiter, file, (record) => {
      found = true;
      builder.beginFile(file, open.decoded.encoding, open.delimiter, matchHeader(headerNames(record), builder.config, file, record.line));
    }, 'fast', { start: 0, end: open.decoded.bytes.length, line: 1, records: 1 });
    if (!found) throw emptyFile(file);
  }

  private openFile(input: InputFile, encoding: string, declared: SurveyConfig['responses']['delimiter']): OpenFile {
    if (this.open?.abs === input.abs) return this.open;
    if (this.open && this.shared) releaseShared(this.shared, this.open.abs);
    const decode = (raw: Buffer) => decodeBytes(raw, encoding, input.shown);
    const sharedBytes = this.shared && openShared(this.shared, input.abs, (into) => reading(input.shown, () => readFileInto(input.abs, into)), decode);
    const decoded = sharedBytes ?? decode(reading(input.shown, () => fs.readFileSync(input.abs)));
    const delimiter = declared === 'auto' ? sniffDelimiter(decoded.bytes) : declared;
    this.open = { abs: input.abs, decoded, delimiter, splittable: decoded.encoding.startsWith('utf-8') };
    return this.open;
  }
}

const emptyFile = (file: string) => new CsatError('empty file: expected a header line naming the columns', { file, line: 1 }, { exitCode: DATA_ERROR });

const headerNames = (record: RecordView) => Array.from({ length: record.count }, (_, i) => record.text(i));

/** The start of piece `index` of `count`: the first line start at or after that share of the bytes (0 and the end for the ends). */
function boundary(bytes: Buffer, index: number, count: number): number {
  if (index <= 0) return 0;
  if (index >= count) return bytes.length;
  const lf = bytes.indexOf(0x0a, Math.floor((index * bytes.length) / count));
  return lf < 0 ? bytes.length : lf + 1;
}

/**
 * Line feeds in [start, end): an upper bound on the rows there, counted with native memchr;
 * with `perByte`, room for as many more rows per byte of the files still to come.
 */
function countLines(bytes: Buffer, start: number, end: number, later: number): number {
  let n = 1;
  for (let at = bytes.indexOf(0x0a, start); at >= 0 && at < end; at = bytes.indexOf(0x0a, at + 1)) n++;
  return later > 0 ? n + Math.ceil(n * later * 1.02) : n;
}

function fileSize(abs: string): number {
  try {
    return fs.statSync(abs).size;
  } catch {
    return 0; // readFile reports it
  }
}

/** `read()`, its failure a one-line data error. */
function reading<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CsatError(`cannot read the file (${code})`, { file }, { exitCode: DATA_ERROR });
  }
}

/**
 * A helper thread's share of ingestResponses: claims pieces from the last back until it
 * meets one the main thread claimed, each read into a part of its own. An error is kept in
 * the piece's part rather than thrown: the main thread throws it when it reaches that part in
 * file order, unless an earlier piece read on through it (then the piece was a wrong guess).
 */
export function ingestParts(job: { config: SurveyConfig; pieces: InputPiece[]; claims: Int32Array; asOf?: number; engine?: CsvEngine; shared?: SharedFiles }): IngestPart[] {
  const parts: IngestPart[] = [];
  const reader = new PieceReader(job.engine, job.shared);
  for (let k = job.pieces.length - 1; k >= 0; k--) {
    if (job.shared) releaseOthers(job.shared, job.pieces, job.claims, 'helper');
    const claim = Atomics.compareExchange(job.claims, k, 0, 2);
    if (claim !== 0 && claim !== 3) break;
    const piece = job.pieces[k];
    const builder = new RowBuilder(job.config, { asOf: job.asOf === undefined ? undefined : new Date(job.asOf), claims: true });
    try {
      parts.push(toPart(builder, { abs: piece.file.abs, index: piece.index, ...reader.read(builder, piece) }));
    } catch (e) {
      parts.push(toPart(builder, { abs: piece.file.abs, index: piece.index, relative: piece.index > 0 }, e));
    }
  }
  if (job.shared) for (const abs of job.shared.files) releaseShared(job.shared, abs);
  return parts.reverse();
}

/**
 * Lets go of the shared files whose pieces the other thread has all claimed (claims: 1 the
 * main thread's, 2 and 3 the helper's): this thread will not open them. The main thread
 * claims from the first piece on and the helper from the last back, so those files are a run
 * at the other end, checked from there.
 */
export function releaseOthers(shared: SharedFiles, pieces: InputPiece[], claims: Int32Array, me: 'main' | 'helper'): void {
  const n = pieces.length;
  for (let i = 0; i < n; i++) {
    const k = me === 'main' ? n - 1 - i : i;
    const claim = Atomics.load(claims, k);
    if (claim === 0 || (claim === 1) === (me === 'main')) return;
    // The piece where the other thread's claims on this file would end.
    const piece = pieces[k];
    if (piece.index === (me === 'main' ? 0 : piece.count - 1)) releaseShared(shared, piece.file.abs);
  }
}
