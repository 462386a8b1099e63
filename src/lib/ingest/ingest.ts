import path from 'node:path';
import { globSync } from 'tinyglobby';
import { displayPath, type SurveyConfig } from '../config';
import { CsatError, reviveError } from '../errors';
import { CONFIG_ERROR, configError, locate } from './config-location';
import type { CsvEngine } from './csv';
import { dateFormatProblem } from './dates';
import { DATA_ERROR, checkEncodingLabel } from './decode';
import type { Helper } from '../parallel/helper';
import { appendPart, replayPart, type IngestPart, type KeptRows } from './part';
import { inputFile, PIECE_BYTES, PieceReader, piecesOf, releaseOthers, type InputPiece } from './read-files';
import { releaseShared, reserveSharedFiles, type SharedFiles } from './shared-files';
import { RowBuilder } from './rows';
import { finishResponses, joinedComments, pendingRows, type PendingRows } from './finish';
import type { Responses } from './types';

export interface IngestOptions {
  /** Rows dated after this instant are rejected as 'future date'. The clock is never read. */
  asOf?: Date;
  /** Read these files instead of the survey's `responses.files` glob. */
  files?: string[];
  /** `csv-parse` reads every file with csv-parse alone (for comparisons); default `fast`. */
  engine?: CsvEngine;
  /** A second thread (parallel/helper.ts), or how to start one: asked for only when the files are big enough. */
  helper?: Helper | (() => Helper | undefined);
  /** Bytes of responses from which the helper is used (default PARALLEL_BYTES; tests set 0). */
  parallelFrom?: number;
  /** Tests: the last this many files are the helper's, whenever it starts (default: claimed as the threads get to them). */
  helperFiles?: number;
  /** Files of twice this size are shared between the threads in pieces of about this size (default PIECE_BYTES; tests set less). */
  pieceBytes?: number;
  /** Called with the used rows' periods, codes and comments before the helper's rows are copied and the table is made (the themes can start then); a second time, with fewer rows, when replaying the helper's rows drops some (ids repeated across the threads). */
  onRows?: (rows: PendingRows) => void;
}

/** Below this many bytes of responses a second thread costs more than it saves. */
export const PARALLEL_BYTES = 8 << 20;

/**
 * Reads every responses file of a survey into one table with full row accounting
 * (see README.md in this folder). Throws CsatError with exit code 2 for a problem in the
 * data files and 78 for a problem in the survey definition.
 *
 * With a helper thread and enough data, the two threads share the files, large ones in
 * pieces (read-files.ts): this one claims pieces from the first on, the helper from the last
 * back, until they meet (an atomic claim per piece), so a slow start or a busy core balances
 * itself. The helper's pieces come back as parts, absorbed in file order (part.ts): the
 * result equals one pass. Parts are replayed first (ids, accounting) and copied last, so
 * `onRows` gets every row before the copies.
 */
export function ingestResponses(config: SurveyConfig, options: IngestOptions = {}): Responses {
  checkSettings(config);
  const files = (options.files?.map((f) => path.resolve(f)) ?? matchFiles(config)).map((abs) => inputFile(abs, displayPath(abs)));
  const builder = new RowBuilder(config, { asOf: options.asOf });
  const total = files.reduce((a, f) => a + f.size, 0);
  const pieceBytes = options.pieceBytes ?? PIECE_BYTES;
  const fast = (options.engine ?? 'fast') === 'fast';
  const wanted = total >= (options.parallelFrom ?? PARALLEL_BYTES) && (files.length > 1 || (fast && files[0].size >= 2 * pieceBytes));
  const helper = wanted ? (typeof options.helper === 'function' ? options.helper() : options.helper) : undefined;
  // Two threads share pieces of the files (one thread reads each file whole).
  const pieces = helper && fast ? piecesOf(files, pieceBytes) : piecesOf(files, Infinity);
  // 0 = free, 1 = this thread's, 2 = the helper's, 3 = kept for the helper.
  const claims = new Int32Array(new SharedArrayBuffer(4 * pieces.length));
  if (helper && options.helperFiles) {
    const first = files[Math.max(1, files.length - options.helperFiles)];
    const from = pieces.findIndex((p) => p.file === first);
    if (from >= 0) claims.fill(3, from);
  }
  // A file both threads read pieces of is loaded once, for both.
  const shared = helper && fast ? reserveSharedFiles([...new Set(pieces.filter((p) => p.count > 1).map((p) => p.file))]) : undefined;
  const job = helper?.post('ingest', { config, pieces, claims, asOf: options.asOf?.getTime(), engine: options.engine, shared } satisfies IngestJob);
  const headerOnly: { file: string; line: number }[] = [];
  const reader = new PieceReader(options.engine, shared);
  // The last piece read into `builder`: its file, the line where it ended, the next piece of the file to read.
  let at: { abs: string; line: number; next: number } | undefined;
  let bytesAfter = total;
  for (const [k, piece] of pieces.entries()) {
    if (shared) releaseOthers(shared, pieces, claims, 'main');
    if (Atomics.compareExchange(claims, k, 0, 1) !== 0) break;
    bytesAfter -= piece.file.size / piece.count;
    const read = reader.read(builder, piece, k === 0 ? bytesAfter : 0);
    if (read.headerOnly) headerOnly.push(read.headerOnly);
    if (read.end) at = { abs: piece.file.abs, ...read.end };
  }
  if (shared) for (const abs of shared.files) releaseShared(shared, abs);
  // The helper's parts (none when it had not begun: this thread then claimed every piece).
  const parts = job === undefined ? [] : (helper!.take<IngestPart[]>(job, !options.helperFiles) ?? []);
  // The parts that continue this thread's rows, in file order (void pieces left out), and the line offset of each.
  const following: { part: IngestPart; offset: number }[] = [];
  for (const part of parts) {
    const { abs, index, relative, end } = part.piece;
    if (index > 0 && at?.abs === abs && index < at.next) continue; // void: a piece before read on through it
    if (relative && (at?.abs !== abs || at.next !== index)) throw new Error(`ingest: piece ${index} of ${abs} does not follow the piece before it`);
    const offset = relative ? at!.line - 1 : 0;
    if (part.error) throw partError(part.error, offset);
    following.push({ part, offset });
    if (part.piece.headerOnly) headerOnly.push(part.piece.headerOnly);
    if (end) at = { abs, line: end.line + offset, next: end.next };
  }
  // The themes need every row but not the replay (about 0.06 s at 1M responses): they start
  // now, on the usual assumption that no row of the parts repeats an id read before it, and
  // start again below in the rare case that one does.
  if (options.onRows && following.length > 0) {
    const assumed = following.map(({ part }) => assumeAllKept(builder, part));
    options.onRows(pendingRows(builder, assumed, joinedComments(builder, assumed)));
  }
  const replayed = following.map(({ part, offset }) => replayPart(builder, part, offset));
  if (builder.rowsRead === 0) {
    const [first] = headerOnly;
    const which = headerOnly.length > 1 ? `none of the ${headerOnly.length} files has a` : 'the file has no';
    throw new CsatError(`no data rows: ${which} row after the header`, first, { exitCode: DATA_ERROR, hint: 'expected one row per response below the header' });
  }
  // Handed over (again) when there were no parts or the replay dropped rows; then the helper's
  // rows are copied in while the themes run (all but the comments, read where they are).
  const comments = joinedComments(builder, replayed);
  if (following.length === 0 || replayed.some((r) => r.kept < r.part.rows)) options.onRows?.(pendingRows(builder, replayed, comments));
  builder.store.reserve(replayed.reduce((n, r) => n + r.kept, 0));
  for (const r of replayed) appendPart(builder, r);
  return finishResponses(builder, comments);
}

/** A part as replayPart leaves it when none of its rows repeats an id read before. */
function assumeAllKept(b: RowBuilder, part: IngestPart): KeptRows {
  const keep = new Int32Array(part.rows);
  for (let r = 0; r < part.rows; r++) keep[r] = r;
  return { part, keep, kept: part.rows, periodMap: Int32Array.from(part.periods, (x) => b.periods.merge(x.key, x.label)) };
}

/** A part's error as the one a single pass would throw: lines counted from the file's start. */
function partError(error: NonNullable<IngestPart['error']>, lineOffset: number): Error {
  const where = error.relativeLine && error.where?.line !== undefined ? { ...error.where, line: error.where.line + lineOffset } : error.where;
  return reviveError({ ...error, where });
}

/** What the helper gets for its share of ingestResponses (read-files.ts, ingestParts). */
export interface IngestJob {
  config: SurveyConfig;
  pieces: InputPiece[];
  claims: Int32Array;
  asOf?: number;
  engine?: CsvEngine;
  shared?: SharedFiles;
}

function checkSettings(config: SurveyConfig): void {
  const r = config.responses;
  if (!checkEncodingLabel(r.encoding)) {
    throw configError(config, ['responses', 'encoding'], `unknown encoding "${r.encoding}"`, 'expected auto, utf-8, utf-16le, utf-16be, gb18030, gbk or another WHATWG encoding name');
  }
  if (r.date !== undefined) {
    const problem = dateFormatProblem(r.dateFormat);
    if (problem) throw configError(config, ['responses', 'date_format'], problem, 'e.g. YYYY-MM-DD HH:mm or DD/MM/YYYY');
  }
  // The table has one column per id: period, segments, questions and comments must not clash.
  const owner = new Map<string, string>([['period', 'the period column']]);
  const claim = (id: string, at: (string | number)[], what: string) => {
    const prior = owner.get(id);
    if (prior) throw configError(config, at, `id "${id}" is already used by ${prior}; ids must differ across segments, questions and comments`);
    owner.set(id, what);
  };
  config.segments.forEach((s, i) => claim(s.id, ['segments', i, 'id'], `segment ${s.id}`));
  config.questions.forEach((q, i) => claim(q.id, ['questions', i, 'id'], `question ${q.id}`));
  config.comments.forEach((c, i) => claim(c.id, ['comments', i], `comment ${c.id}`));
}

/** The responses files of a survey, sorted (a CsatError when none matches). */
export function matchFiles(config: SurveyConfig): string[] {
  const patterns = config.responses.files;
  const files = globSync(patterns, { absolute: true, onlyFiles: true, expandDirectories: false }).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) {
    const shown = patterns.map((p) => path.relative(config.dir, p) || p).join(', ');
    throw new CsatError(`no files match responses.files "${shown}"`, { file: displayPath(config.path), ...locate(config.path, ['responses', 'files']) }, {
      exitCode: DATA_ERROR,
      hint: `the pattern is relative to ${displayPath(config.dir) || '.'}`,
    });
  }
  return files;
}

export { CONFIG_ERROR, DATA_ERROR };
