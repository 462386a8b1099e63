import * as aq from 'arquero';
import type { RowBuilder } from './rows';
import type { TextColumn } from './text-column';
import type { Accounting, ResponseCodes, Responses } from './types';

/**
 * The ingested responses from a builder: the table (decoded strings for periods and
 * segments, answers as they are), the codes for the reduction, and the accounting. Kept
 * apart from rows.ts so a worker thread, which only hands over parts, never loads Arquero.
 */
export function finishResponses(b: RowBuilder, rows: IngestedRows = ingestedRows(b)): Responses {
  const s = b.store;
  const n = s.used;
  const config = b.config;
  const missingRate: Record<string, number> = {};
  config.questions.forEach((q, k) => (missingRate[q.id] = countMissing(s.levels[k], n, q.scale.points) / n));
  const rejected = b.rejected.length;
  const accounting: Accounting = { files: b.files, rowsRead: b.rowsRead, used: n, rejected, byReason: b.byReason, missingRate };
  const responses: Responses = {
    table: undefined as unknown as Responses['table'], // made when first read, below
    periods: rows.periods,
    codes: rows.codes,
    customers: undefined,
    ids: undefined,
    accounting,
    rejected: b.rejected,
  };
  // Made when first read: the reduction reads the codes, and decoding a million period,
  // segment, customer or id strings takes a while (~0.15 s for the table at 1M responses).
  onFirstRead(responses, 'table', () => responseTable(b, rows));
  if (config.responses.customer !== undefined) onFirstRead(responses, 'customers', () => decodeColumn(s.customerOf, n, b.customerValues));
  if (config.responses.id !== undefined) {
    const entries = s.idEntry.subarray(0, n);
    const index = b.firstSeen;
    onFirstRead(responses, 'ids', () => Array.from(entries, (e) => index.text(e)));
  }
  return responses;
}

/** The response table (see Responses): strings for periods, segments and comments, answer values (NaN = missing). */
function responseTable(b: RowBuilder, rows: IngestedRows): Responses['table'] {
  const s = b.store;
  const n = s.used;
  const columns: Record<string, unknown> = {};
  // Labels by first-seen index (the codes' order), listed in time order below.
  const periodLabels = b.periods.entries().map((p) => p.label);
  columns.period = decodeColumn(s.periodOf, n, periodLabels);
  b.config.segments.forEach((seg, j) => (columns[seg.id] = decodeColumn(s.segmentOf[j], n, b.segmentValues[j])));
  b.config.questions.forEach((q, k) => (columns[q.id] = s.answerValues(k, q.scale.min, q.scale.points)));
  b.config.comments.forEach((c, j) => (columns[c.id] = rows.comments[j].strings()));
  return aq.table(columns);
}

/**
 * The used rows as codes and comment columns, before the table is made (decoding a million
 * period and segment strings takes a while): what the comment themes need to start.
 */
export interface IngestedRows {
  rows: number;
  /** Period labels in time order; codes.period indexes them. */
  periods: string[];
  codes: ResponseCodes;
  /** Comment columns, config order. */
  comments: TextColumn[];
}

export function ingestedRows(b: RowBuilder): IngestedRows {
  const s = b.store;
  const n = s.used;
  const order = b.periods.order();
  const rank = new Int32Array(order.length);
  order.forEach((index, position) => (rank[index] = position));
  const period = new Int32Array(n);
  for (let i = 0; i < n; i++) period[i] = rank[s.periodOf[i]];
  return {
    rows: n,
    periods: order.map((i) => b.periods.label(i)),
    codes: { period, segments: s.segmentOf.map((a) => a.subarray(0, n)), segmentValues: b.segmentValues, levels: s.levels.map((a) => a.subarray(0, n)) },
    comments: s.comments,
  };
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
