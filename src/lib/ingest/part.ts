/**
 * Ingest in two parts: a worker thread reads the last files into its own RowBuilder and
 * hands them over as an IngestPart (typed arrays are transferred, not copied); the main
 * builder, having read the first files, absorbs it. The result equals reading all files in
 * one builder: codes are remapped through the main builder's dictionaries, and every id
 * claim of the part is replayed, in file order, against the main builder's ids, so a row
 * whose id first appeared in an earlier file becomes a 'duplicate id' rejection pointing
 * at that first occurrence, exactly as one pass would have made it.
 */
import { LOCATION_SPAN as SPAN, NEW_ID, unusedIdExpected } from './ids';
import type { RowBuilder } from './rows';
import type { FileAccounting, RejectedRow, RejectReason } from './types';
import { errorData, type ErrorData } from '../errors';
import type { PieceRead } from './read-files';
import type { TextColumnData } from './text-column';

/** Each id claim of a builder's rows, in order: IdIndex entry, location, and what became of the row. */
export class Claims {
  count = 0;
  entry = new Int32Array(1024);
  location = new Float64Array(1024);
  /** ≥ 0: the used row; < 0: −(index in `rejected` + 1). */
  outcome = new Int32Array(1024);

  add(entry: number, location: number, outcome: number): void {
    if (this.count === this.entry.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T) => (b.set(a), b);
      this.entry = grow(this.entry, new Int32Array(this.count * 2));
      this.location = grow(this.location, new Float64Array(this.count * 2));
      this.outcome = grow(this.outcome, new Int32Array(this.count * 2));
    }
    this.entry[this.count] = entry;
    this.location[this.count] = location;
    this.outcome[this.count++] = outcome;
  }
}

/** A builder's state as plain data (structured-cloneable; the typed arrays can be transferred). */
export interface IngestPart {
  fileNames: string[];
  files: FileAccounting[];
  idColumns: string[];
  rows: number;
  levels: Uint8Array[];
  periodOf: Int32Array;
  periods: { key: number; label: string }[];
  segmentOf: Int32Array[];
  segmentValues: string[][];
  comments: TextColumnData[];
  customerOf: Int32Array;
  customerValues: (string | null)[];
  rejected: RejectedRow[];
  claims: { count: number; entry: Int32Array; location: Float64Array; outcome: Int32Array };
  ids: { pool: Uint8Array; starts: Int32Array; lengths: Int32Array };
  /** The piece this part holds (read-files.ts), where its reading ended, and a file with a header and no rows. */
  piece: PartPiece;
  /** An error reading the piece: thrown by the main thread when it reaches this part in file order. */
  error?: ErrorData & { relativeLine?: boolean };
}

export interface PartPiece extends PieceRead {
  abs: string;
  index: number;
}

export function toPart(b: RowBuilder, piece: PartPiece, error?: unknown): IngestPart {
  const s = b.store;
  const claims = b.claims ?? { count: 0, entry: new Int32Array(0), location: new Float64Array(0), outcome: new Int32Array(0) };
  return {
    fileNames: b.fileNames, files: b.files, idColumns: b.idColumns, rows: s.used,
    levels: s.levels, periodOf: s.periodOf, periods: b.periods.entries(), segmentOf: s.segmentOf, segmentValues: b.segmentValues,
    comments: s.comments.map((c) => c.data()), customerOf: s.customerOf, customerValues: b.customerValues, rejected: b.rejected,
    claims: { count: claims.count, entry: claims.entry, location: claims.location, outcome: claims.outcome },
    ids: b.firstSeen.storage(), piece,
    error: error === undefined ? undefined : { ...errorData(error), relativeLine: (error as { relativeLine?: boolean }).relativeLine },
  };
}

/** The buffers of a part to transfer instead of copy. */
export function partBuffers(p: IngestPart): ArrayBuffer[] {
  const arrays = [...p.levels, p.periodOf, ...p.segmentOf, p.customerOf, ...p.comments.flatMap((c) => [c.pool, c.offsets]), p.claims.entry, p.claims.location, p.claims.outcome, p.ids.pool, p.ids.starts, p.ids.lengths];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}


/** A part replayed against a builder (its files, accounting, ids and rejected rows merged), its rows not yet appended. */
export interface ReplayedPart {
  part: IngestPart;
  /** The part's rows that stay (not duplicates of ids read before), in order. */
  keep: Int32Array;
  kept: number;
  /** Part code → builder code. */
  periodMap: Int32Array;
  segmentMaps: Int32Array[];
  customerMap: Int32Array;
  /** Per part row: the builder's IdIndex entry of its id (−1: none). */
  idOfRow: Int32Array;
}

/** Which rows of a part stay, and its period codes as the builder's: what the themes read (finish.ts, pendingRows). */
export type KeptRows = Pick<ReplayedPart, 'part' | 'keep' | 'kept' | 'periodMap'>;

/**
 * Merges a part read from later files into `b`, as if `b` had read those files itself, in two
 * steps: replayPart (files, accounting, id claims, rejected rows; the row maps) and appendPart
 * (copying the kept rows). Parts are replayed in file order, then appended in that order;
 * between the two, what reads the rows early (the comment themes, through pendingRows) can
 * start before the copies are made. A part of a file's second or later piece continues `b`'s
 * last file; `lineOffset` turns its line numbers, counted from the piece's start, into the file's.
 */
export function replayPart(b: RowBuilder, p: IngestPart, lineOffset = 0): ReplayedPart {
  const continued = p.piece.index > 0 && p.fileNames.length === 1;
  const fileBase = continued ? b.fileNames.length - 1 : b.fileNames.length;
  if (!continued) {
    b.fileNames.push(...p.fileNames);
    b.files.push(...p.files);
    b.idColumns.push(...p.idColumns);
  }
  if (lineOffset) for (const row of p.rejected) row.line += lineOffset;
  const periodMap = Int32Array.from(p.periods, (x) => b.periods.merge(x.key, x.label));
  const segmentMaps = p.segmentValues.map((values, j) => Int32Array.from(values, (v) => b.segmentCode(j, v)));
  const customerMap = Int32Array.from(p.customerValues, (v) => b.customerValues.push(v) - 1);

  // Replay the id claims in order against the ids read so far.
  const dropped = new Uint8Array(p.rows);
  const idOfRow = new Int32Array(p.rows).fill(-1);
  const added: { file: number; row: RejectedRow }[] = [];
  const index = b.firstSeen;
  const { pool, starts, lengths } = p.ids;
  for (let c = 0; c < p.claims.count; c++) {
    const e = p.claims.entry[c];
    const file = Math.floor(p.claims.location[c] / SPAN);
    const line = (p.claims.location[c] % SPAN) + lineOffset;
    index.location = (fileBase + file) * SPAN + line;
    const first = index.ofBytes(pool, starts[e], starts[e] + lengths[e]);
    const outcome = p.claims.outcome[c];
    if (first === NEW_ID) {
      if (outcome >= 0) idOfRow[outcome] = index.lastEntry;
      continue;
    }
    const firstUsed = b.firstUsedAt(first);
    const duplicate = {
      column: p.idColumns[file], value: '', reason: 'duplicate id' as RejectReason,
      expected: unusedIdExpected(firstUsed),
      detail: { firstUsed },
    };
    if (outcome >= 0) {
      dropped[outcome] = 1;
      p.files[file].used--;
      p.files[file].rejected++;
      added.push({ file, row: { file: p.fileNames[file], line, ...duplicate } });
    } else Object.assign(p.rejected[-outcome - 1], duplicate);
  }

  const fileOf = new Map(p.fileNames.map((f, i) => [f, i]));
  const rejected = [...p.rejected.map((row) => ({ file: fileOf.get(row.file) ?? 0, row })), ...added];
  rejected.sort((x, y) => x.file - y.file || x.row.line - y.row.line);
  b.rejected.push(...rejected.map((x) => x.row));
  for (const k of Object.keys(b.byReason) as RejectReason[]) delete b.byReason[k];
  for (const r of b.rejected) b.byReason[r.reason] = (b.byReason[r.reason] ?? 0) + 1;

  if (continued) {
    const [into, from] = [b.files[b.files.length - 1], p.files[0]];
    into.rowsRead += from.rowsRead;
    into.used += from.used;
    into.rejected += from.rejected;
  }
  // The rows kept, as indexes into the part (typed loops: a million rows per column).
  const keep = new Int32Array(p.rows);
  let kept = 0;
  for (let r = 0; r < p.rows; r++) if (!dropped[r]) keep[kept++] = r;
  return { part: p, keep, kept, periodMap, segmentMaps, customerMap, idOfRow };
}

/** Copies the kept rows of a replayed part into the builder's store (see replayPart). */
export function appendPart(b: RowBuilder, { part: p, keep, kept, periodMap, segmentMaps, customerMap, idOfRow }: ReplayedPart): void {
  const s = b.store;
  s.reserve(p.rows);
  const base = s.used;
  const copy = (to: Int32Array | Uint8Array, from: Int32Array | Uint8Array) => {
    if (kept === p.rows) to.set(from.subarray(0, p.rows), base);
    else for (let i = 0; i < kept; i++) to[base + i] = from[keep[i]];
  };
  const copyMapped = (to: Int32Array, from: Int32Array, map: Int32Array) => {
    for (let i = 0; i < kept; i++) {
      const code = from[keep[i]];
      to[base + i] = code < 0 ? -1 : map[code];
    }
  };
  p.levels.forEach((a, k) => copy(s.levels[k], a));
  copyMapped(s.periodOf, p.periodOf, periodMap);
  p.segmentOf.forEach((a, j) => copyMapped(s.segmentOf[j], a, segmentMaps[j]));
  copyMapped(s.customerOf, p.customerOf, customerMap);
  copy(s.idEntry, idOfRow);
  // The comments stay in the part's columns, read through `keep` (finish.ts, joinedComments).
  s.used = base + kept;
}
