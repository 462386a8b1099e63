import type { FileAccounting } from './types';
/**
 * What reading the transactions file gives: raw purchases, or per-customer summaries that a
 * warehouse computed. Customer ids are kept for joins with the survey and for the analyst's
 * `metrics --out` folder only; they are never published.
 */

/** Why a transactions row was not used. Every rejected row carries exactly one. */
export type TransactionRejectReason =
  | 'ragged row'
  | 'missing customer'
  | 'missing order id'
  | 'duplicate order id'
  | 'duplicate customer'
  | 'unparseable date'
  | 'not a number'
  | 'negative amount'
  | 'negative quantity'
  | 'out of range';

export interface TransactionRejectedRow {
  file: string;
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  column: string;
  /** The offending cell, masked (e-mail, phone); never a customer or order id. */
  value: string;
  reason: TransactionRejectReason;
  expected: string;
}

/** rowsRead = used + rejected. */
export interface TransactionAccounting extends FileAccounting {
  byReason: Partial<Record<TransactionRejectReason, number>>;
}

export interface Purchase {
  customer: string;
  /** Calendar day of the purchase in the survey's time zone, as days since 1970-01-01. */
  day: number;
  amount: number;
  /** Present when the survey definition names a quantity column. */
  quantity?: number;
}

/** Raw purchases (`transactions.file`), in file order. */
export interface PurchaseLog {
  kind: 'purchases';
  purchases: Purchase[];
  accounting: TransactionAccounting;
  rejected: TransactionRejectedRow[];
}

/**
 * Per-customer summaries (`transactions.summary`), in the `lifetimes` convention, times in
 * the survey's time unit: frequency x = repeat purchase days, recency tₓ = time from the first
 * to the last purchase, T = time from the first purchase to the end of the data, monetary z̄ =
 * mean amount of the repeat purchases (0 when x = 0).
 */
export interface CustomerSummaries {
  kind: 'summary';
  customer: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  accounting: TransactionAccounting;
  rejected: TransactionRejectedRow[];
}

export type Transactions = PurchaseLog | CustomerSummaries;
