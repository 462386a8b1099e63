import fs from 'node:fs';
import { displayPath, type SurveyConfig, type TransactionsSource } from '../config';
import { CsatError } from '../errors';
import { configError } from './config-location';
import { readCsv, type RecordView } from './csv';
import { DateReader, dateFormatProblem } from './dates';
import { DATA_ERROR, decodeAuto } from './decode';
import { expectedDate } from './dates';
import { sniffDelimiter } from './sniff';
import { TimeZone } from './timezone';
import { readCustomerSummaries } from './transaction-summary';
import { TransactionRows, matchColumns, parseNumber, type WantedColumn } from './transaction-columns';
import type { Purchase, PurchaseLog, Transactions } from './transaction-types';

export type * from './transaction-types';

const DAY_MS = 86_400_000;

/**
 * Reads the survey's transactions: raw purchases (`transactions.file`) or per-customer
 * summaries (`transactions.summary`, used when both are given). Any encoding and delimiter the
 * responses may have. Row problems reject the row with a reason; a missing column, an empty
 * file or an unreadable one is fatal (CsatError, exit code 2; 78 for the survey definition).
 */
export function ingestTransactions(config: SurveyConfig): Transactions | undefined {
  const source = config.transactions;
  if (!source) return undefined;
  const abs = source.summary ?? source.file;
  if (!abs) return undefined;
  const file = displayPath(abs);
  let raw: Buffer;
  try {
    raw = fs.readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CsatError(code === 'ENOENT' ? 'transactions file not found' : `cannot read the transactions file (${code})`, { file }, {
      exitCode: DATA_ERROR, hint: 'check transactions.file in the survey definition, or remove `transactions:`',
    });
  }
  if (source.summary) return readCustomerSummaries(raw, source, file);
  const problem = dateFormatProblem(source.dateFormat);
  if (problem) throw configError(config, ['transactions', 'date_format'], problem, 'e.g. YYYY-MM-DD');
  return readPurchases(raw, source, config.timezone, file);
}

/** Raw purchases from a file's bytes (pure apart from the bytes given). */
export function readPurchases(raw: Buffer, source: TransactionsSource, timeZone: string, file: string): PurchaseLog {
  const { bytes, encoding } = decodeAuto(raw, file);
  const delimiter = sniffDelimiter(bytes);
  const zone = TimeZone.of(timeZone);
  const dates = new DateReader(source.dateFormat, zone);
  const rows = new TransactionRows(file, encoding, delimiter);
  const wanted: WantedColumn[] = [
    { column: source.customer, at: 'transactions.customer' },
    { column: source.date, at: 'transactions.date' },
    { column: source.amount, at: 'transactions.amount' },
  ];
  if (source.order !== undefined) wanted.push({ column: source.order, at: 'transactions.order' });
  if (source.quantity !== undefined) wanted.push({ column: source.quantity, at: 'transactions.quantity' });
  let columns: number[] | undefined;
  let orderAt = -1;
  let quantityAt = -1;
  const purchases: Purchase[] = [];
  // Order id → line where it was first seen, so a later copy names the original.
  const orders = new Map<string, number>();
  const expectedDay = expectedDate(source.dateFormat);

  const add = (r: RecordView) => {
    if (!rows.read(r)) return;
    const [customerAt, dateAt, amountAt] = columns!;
    const name = (i: number) => rows.names[i];
    const customer = r.text(customerAt).trim();
    if (customer === '') return rows.reject(r, 'missing customer', name(customerAt), '', 'a customer id');
    if (orderAt >= 0) {
      const order = r.text(orderAt).trim();
      if (order === '') return rows.reject(r, 'missing order id', name(orderAt), '', 'an order id');
      const first = orders.get(order);
      if (first !== undefined) return rows.reject(r, 'duplicate order id', name(orderAt), '', `an order id not used before; this one was first used on line ${first} of this file`);
      orders.set(order, r.line);
    }
    const ms = r.read(dateAt, dates);
    if (Number.isNaN(ms)) return rows.reject(r, 'unparseable date', name(dateAt), r.text(dateAt), expectedDay);
    const amountText = r.text(amountAt);
    const amount = parseNumber(amountText);
    if (!Number.isFinite(amount)) return rows.reject(r, 'not a number', name(amountAt), amountText, 'an amount such as 199 or 1,234.50');
    if (amount < 0) return rows.reject(r, 'negative amount', name(amountAt), amountText, 'an amount >= 0 (put refunds in their own file)');
    const purchase: Purchase = { customer, day: Math.floor((ms + zone.offsetAt(ms)) / DAY_MS), amount };
    if (quantityAt >= 0) {
      const text = r.text(quantityAt);
      const quantity = parseNumber(text);
      if (!Number.isFinite(quantity)) return rows.reject(r, 'not a number', name(quantityAt), text, 'a quantity such as 1 or 2.5');
      if (quantity < 0) return rows.reject(r, 'negative quantity', name(quantityAt), text, 'a quantity >= 0');
      purchase.quantity = quantity;
    }
    purchases.push(purchase);
    rows.used();
  };

  readCsv(bytes, delimiter, file, (r) => {
    if (columns) return add(r);
    const fields = Array.from({ length: r.count }, (_, i) => r.text(i));
    const plan = matchColumns(fields, wanted, file, r.line);
    rows.names = plan.names;
    columns = plan.index;
    if (source.order !== undefined) orderAt = columns[3];
    if (source.quantity !== undefined) quantityAt = columns[source.order !== undefined ? 4 : 3];
  });
  if (!columns) throw new CsatError('empty file: expected a header line naming the columns', { file, line: 1 }, { exitCode: DATA_ERROR });
  if (rows.accounting.rowsRead === 0) {
    throw new CsatError('no data rows: the file has no row after the header', { file, line: 2 }, { exitCode: DATA_ERROR, hint: 'expected one row per purchase below the header' });
  }
  return { kind: 'purchases', purchases, accounting: rows.accounting, rejected: rows.rejected };
}
