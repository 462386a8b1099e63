import type { TransactionsSource } from '../config';
import { CsatError } from '../errors';
import { readCsv, type RecordView } from './csv';
import { DATA_ERROR, decodeAuto } from './decode';
import { sniffDelimiter } from './sniff';
import { TransactionRows, matchColumns, parseNumber } from './transaction-columns';
import type { CustomerSummaries } from './transaction-types';

/**
 * The per-customer summary file a warehouse query writes (docs/loyalty.md has the SQL): the
 * customer column named in the survey definition plus `frequency`, `recency`, `T` and
 * `monetary`, times in `transactions.time_unit`. Checks per row, first failure wins: ragged
 * row, missing customer, duplicate customer, not a number, out of range (frequency a whole
 * number ≥ 0, 0 ≤ recency ≤ T, monetary ≥ 0, recency = 0 when frequency = 0).
 */
export const SUMMARY_COLUMNS = ['frequency', 'recency', 'T', 'monetary'] as const;

export function readCustomerSummaries(raw: Buffer, source: TransactionsSource, file: string): CustomerSummaries {
  const { bytes, encoding } = decodeAuto(raw, file);
  const delimiter = sniffDelimiter(bytes);
  const rows = new TransactionRows(file, encoding, delimiter);
  const wanted = [
    { column: source.customer, at: 'transactions.customer' },
    ...SUMMARY_COLUMNS.map((column) => ({ column, at: `the summary file (columns ${SUMMARY_COLUMNS.join(', ')})` })),
  ];
  const out = { customer: [] as string[], x: [] as number[], tx: [] as number[], T: [] as number[], monetary: [] as number[] };
  const seen = new Map<string, number>();
  let columns: number[] | undefined;

  const add = (r: RecordView) => {
    if (!rows.read(r)) return;
    const [customerAt, ...valueAt] = columns!;
    const customer = r.text(customerAt).trim();
    if (customer === '') return rows.reject(r, 'missing customer', rows.names[customerAt], '', 'a customer id');
    const first = seen.get(customer);
    if (first !== undefined) return rows.reject(r, 'duplicate customer', rows.names[customerAt], '', `one row per customer; this customer's first row is at ${file}:${first}`);
    seen.set(customer, r.line);
    const values: number[] = [];
    for (const i of valueAt) {
      const v = parseNumber(r.text(i));
      if (!Number.isFinite(v)) return rows.reject(r, 'not a number', rows.names[i], r.text(i), 'a number');
      values.push(v);
    }
    const [x, tx, T, monetary] = values;
    const range = (k: number, expected: string) => rows.reject(r, 'out of range', rows.names[valueAt[k]], r.text(valueAt[k]), expected);
    if (!(Number.isInteger(x) && x >= 0)) return range(0, 'a whole number of repeat purchases >= 0');
    if (!(T >= 0)) return range(2, 'a customer age T >= 0');
    if (!(tx >= 0 && tx <= T)) return range(1, `a recency between 0 and T (${T})`);
    if (x === 0 && tx !== 0) return range(1, 'recency 0 for a customer without repeat purchases (frequency 0)');
    if (!(monetary >= 0)) return range(3, 'a mean repeat spend >= 0');
    out.customer.push(customer);
    out.x.push(x);
    out.tx.push(tx);
    out.T.push(T);
    out.monetary.push(monetary);
    rows.used();
  };

  readCsv(bytes, delimiter, file, (r) => {
    if (columns) return add(r);
    const plan = matchColumns(Array.from({ length: r.count }, (_, i) => r.text(i)), wanted, file, r.line);
    rows.names = plan.names;
    columns = plan.index;
  });
  if (!columns) throw new CsatError('empty file: expected a header line naming the columns', { file, line: 1 }, { exitCode: DATA_ERROR });
  if (rows.accounting.rowsRead === 0) {
    throw new CsatError('no data rows: the file has no row after the header', { file, line: 2 }, { exitCode: DATA_ERROR, hint: 'expected one row per customer below the header' });
  }
  return {
    kind: 'summary',
    customer: out.customer,
    x: Float64Array.from(out.x),
    tx: Float64Array.from(out.tx),
    T: Float64Array.from(out.T),
    monetary: Float64Array.from(out.monetary),
    accounting: rows.accounting,
    rejected: rows.rejected,
  };
}
