import * as aq from 'arquero';
import type { RowBuilder } from './rows';
import type { KeptRows } from './part';
import { JoinedTexts, textsOf, type TextSource } from './text-column';
import type { Accounting, ResponseCodes, Responses } from './types';

/**
 * The ingested responses from a builder: the codes for the reduction, the accounting, and
 * the table (strings for periods, segments and comments, answer values), made when first
 * read. Kept apart from rows.ts so a worker thread, which only hands over parts, never loads
 * Arquero.
 */
export function finishResponses(b: RowBuilder, comments: readonly TextSource[] = b.store.comments): Responses {
  const s = b.store;
  const n = s.used;
  const config = b.config;
  const { rank, periods } = periodOrder(b);
  const period = new Int32Array(n);
  for (let i = 0; i < n; i++) period[i] = rank[s.periodOf[i]];
  const missingRate: Record<string, number> = {};
  config.questions.forEach((q, k) => (missingRate[q.id] = countMissing(s.levels[k], n, q.scale.points) / n));
  const rejected = b.rejected.length;
  const accounting: Accounting = { files: b.files, rowsRead: b.rowsRead, used: n, rejected, byReason: b.byReason, missingRate };
  const responses: Responses = {
    table: undefined as unknown as Responses['table'], // made when first read, below
    periods,
    codes: { period, segments: s.segmentOf.map((a) => a.subarray(0, n)), segmentValues: b.segmentValues, levels: s.levels.map((a) => a.subarray(0, n)) },
    customers: undefined,
    ids: undefined,
    accounting,
    rejected: b.rejected,
  };
  // Made when first read: the reduction reads the codes, and decoding a million period,
  // segment, customer or id strings takes a while (~0.15 s for the table at 1M responses).
  onFirstRead(responses, 'table', () => responseTable(b, comments));
  if (config.responses.customer !== undefined) onFirstRead(responses, 'customers', () => decodeColumn(s.customerOf, n, b.customerValues));
  if (config.responses.id !== undefined) {
    const entries = s.idEntry.subarray(0, n);
    const index = b.firstSeen;
    onFirstRead(responses, 'ids', () => Array.from(entries, (e) => index.text(e)));
  }
  return responses;
}

/** The response table (see Responses): strings for periods, segments and comments, answer values (NaN = missing). */
function responseTable(b: RowBuilder, comments: readonly TextSource[]): Responses['table'] {
  const s = b.store;
  const n = s.used;
  const columns: Record<string, unknown> = {};
  // Labels by first-seen index (the codes' order), listed in time order below.
  const periodLabels = b.periods.entries().map((p) => p.label);
  columns.period = decodeColumn(s.periodOf, n, periodLabels);
  b.config.segments.forEach((seg, j) => (columns[seg.id] = decodeColumn(s.segmentOf[j], n, b.segmentValues[j])));
  b.config.questions.forEach((q, k) => (columns[q.id] = s.answerValues(k, q.scale.min, q.scale.points)));
  b.config.comments.forEach((c, j) => (columns[c.id] = textsOf(comments[j], n)));
  return aq.table(columns);
}

/** Each period code's place in time order, and the period labels in that order. */
function periodOrder(b: RowBuilder): { rank: Int32Array; periods: string[] } {
  const order = b.periods.order();
  const rank = new Int32Array(order.length);
  order.forEach((index, position) => (rank[index] = position));
  return { rank, periods: order.map((i) => b.periods.label(i)) };
}

/**
 * The used rows' periods, answer codes and comments, the helper's parts replayed
 * (replayPart) but not yet copied into the store: what the comment themes read, handed over
 * (IngestOptions.onRows) so they can start while the copies are made. Equal, row for row,
 * to what the finished responses hold.
 */
export interface PendingRows {
  rows: number;
  /** Period labels in time order; codes.period indexes them. */
  periods: string[];
  codes: Pick<ResponseCodes, 'period' | 'levels'>;
  /** Comment columns, config order. */
  comments: TextSource[];
}

export function pendingRows(b: RowBuilder, parts: readonly KeptRows[], comments: TextSource[]): PendingRows {
  const s = b.store;
  const own = s.used;
  const n = own + parts.reduce((a, p) => a + p.kept, 0);
  const { rank, periods } = periodOrder(b);
  const period = new Int32Array(n);
  for (let i = 0; i < own; i++) period[i] = rank[s.periodOf[i]];
  let at = own;
  for (const { part, keep, kept, periodMap } of parts) for (let k = 0; k < kept; k++) period[at++] = rank[periodMap[part.periodOf[keep[k]]]];
  const levels = s.levels.map((mine, q) => {
    const out = new Uint8Array(n);
    out.set(mine.subarray(0, own));
    let to = own;
    for (const { part, keep, kept } of parts) {
      const from = part.levels[q];
      if (kept === part.rows) out.set(from.subarray(0, kept), to);
      else for (let k = 0; k < kept; k++) out[to + k] = from[keep[k]];
      to += kept;
    }
    return out;
  });
  return { rows: n, periods, codes: { period, levels }, comments };
}

/**
 * The comment columns of the builder's rows and then the replayed parts' kept rows, read in
 * place: the parts' comments are never copied into one column (at 1M responses the copies
 * took about 0.13 s).
 */
export function joinedComments(b: RowBuilder, parts: readonly KeptRows[]): TextSource[] {
  const own = b.store.used;
  return b.store.comments.map((mine, j): TextSource =>
    parts.length === 0 ? mine : new JoinedTexts([{ data: mine, rows: own }, ...parts.map((p) => ({ data: p.part.comments[j], keep: p.keep, rows: p.kept }))]),
  );
}

/** Rows whose level code is the missing one (`points`). */
function countMissing(levels: Uint8Array, n: number, points: number): number {
  let missing = 0;
  for (let i = 0; i < n; i++) if (levels[i] === points) missing++;
  return missing;
}

/** Defines `key` as a value made by `make` when first read, then kept. */
function onFirstRead<T, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  let value: T[K] | undefined;
  let made = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    get: () => {
      if (!made) [value, made] = [make(), true];
      return value;
    },
  });
}

/** Codes → their strings (a plain loop: Array.from with a map function is far slower). */
function decodeColumn<T>(codes: Int32Array, n: number, values: T[]): T[] {
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = values[codes[i]];
  return out;
}
