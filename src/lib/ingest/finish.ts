import * as aq from 'arquero';
import type { RowBuilder } from './rows';
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
  const columns: Record<string, unknown> = {};
  // Labels by first-seen index (the codes' order), listed in time order below.
  const periodLabels = b.periods.entries().map((p) => p.label);
  columns.period = decodeColumn(s.periodOf, n, periodLabels);
  config.segments.forEach((seg, j) => (columns[seg.id] = decodeColumn(s.segmentOf[j], n, b.segmentValues[j])));
  const missingRate: Record<string, number> = {};
  config.questions.forEach((q, k) => {
    const a = s.answerColumn(k);
    missingRate[q.id] = countNaN(a) / n;
    columns[q.id] = a;
  });
  config.comments.forEach((c, j) => (columns[c.id] = rows.comments[j]));
  const rejected = b.rejected.length;
  const accounting: Accounting = { files: b.files, rowsRead: b.rowsRead, used: n, rejected, byReason: b.byReason, missingRate };
  const responses: Responses = {
    table: aq.table(columns),
    periods: rows.periods,
    codes: rows.codes,
    customers: config.responses.customer !== undefined ? decodeColumn(s.customerOf, n, b.customerValues) : undefined,
    ids: undefined,
    accounting,
    rejected: b.rejected,
  };
  if (config.responses.id !== undefined) {
    // A million id strings cost time and memory, and only checks read them: made when read.
    const entries = s.idEntry.subarray(0, n);
    const index = b.firstSeen;
    let ids: string[] | undefined;
    Object.defineProperty(responses, 'ids', { enumerable: true, get: () => (ids ??= Array.from(entries, (e) => index.text(e))) });
  }
  return responses;
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
  comments: (string | null)[][];
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

function countNaN(a: Float64Array): number {
  let missing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== a[i]) missing++;
  return missing;
}

/** Codes → their strings (a plain loop: Array.from with a map function is far slower). */
function decodeColumn<T>(codes: Int32Array, n: number, values: T[]): T[] {
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = values[codes[i]];
  return out;
}
