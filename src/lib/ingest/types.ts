import type { ColumnTable } from 'arquero';

/** Why a data row was not used. Every rejected row carries exactly one. */
export type RejectReason =
  | 'ragged row'
  | 'unknown label'
  | 'out of range'
  | 'not a number'
  | 'unparseable date'
  | 'future date'
  | 'duplicate id'
  | 'missing id'
  | 'no answers';

export interface RejectedRow {
  file: string;
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  column: string;
  value: string;
  reason: RejectReason;
  /** What the cell should have held, in English (messages, the analyst's tables). */
  expected: string;
  /** The same as data, so a page can say it in its own language (views/quality.ts, expectedText). */
  detail?: RejectDetail;
}

/** The particulars of a rejection beyond its reason (each reason uses its own). */
export interface RejectDetail {
  /** unknown label, out of range, not a number: the question (id) whose answer it was. */
  question?: string;
  /** duplicate id: where the id was first used, file (relative to the survey's folder):line. */
  firstUsed?: string;
  /** ragged row: the fields of the header, and those the row has. */
  fields?: number;
  found?: number;
  /** future date: the latest instant allowed, ISO 8601. */
  notAfter?: string;
}

export interface FileAccounting {
  file: string;
  encoding: string;
  delimiter: string;
  rowsRead: number;
  used: number;
  rejected: number;
}

/** rowsRead = used + rejected, per file and in total. */
export interface Accounting {
  files: FileAccounting[];
  rowsRead: number;
  used: number;
  rejected: number;
  byReason: Partial<Record<RejectReason, number>>;
  /** Per question id: share of used rows with no valid answer. */
  missingRate: Record<string, number>;
}

/**
 * The ingested responses. `table` holds one row per used response with the columns
 * `period` (label such as 2026-Q3, or "all" without a date column), one string column per
 * segment id, one Float64Array column per question id (NaN = missing), and one string column
 * per comment id. Personal columns (response id, customer id) are NOT in the table.
 */
export interface Responses {
  table: ColumnTable;
  /** Period labels in time order. */
  periods: string[];
  /** Customer id per table row, only for joins with transactions; never published. */
  customers?: (string | null)[];
  /** Response id per table row, only for de-duplication checks and the personal-data test. */
  ids?: (string | null)[];
  accounting: Accounting;
  rejected: RejectedRow[];
  /** The same rows as integer codes, when ingest made the table: the reduction reads these (model/reduce.ts). */
  codes?: ResponseCodes;
}

export interface ResponseCodes {
  /** Index into `periods`. */
  period: Int32Array;
  /** Per segment (config order): index into segmentValues[j]. */
  segments: Int32Array[];
  segmentValues: string[][];
  /** Per question (config order): value − scale min, or the number of levels when missing. */
  levels: Uint8Array[];
}
