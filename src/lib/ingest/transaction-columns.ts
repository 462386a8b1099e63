import { CsatError } from '../errors';
import { closest } from '../util/closest';
import { normalizeLabel } from '../util/text';
import { emptyFrom, firstNonEmpty, type RecordView } from './csv';
import { DATA_ERROR } from './decode';
import { normalizeHeader } from './header';
import { shownValue } from './mask';
import type { TransactionAccounting, TransactionRejectReason, TransactionRejectedRow } from './transaction-types';

/** A column the transactions reader needs, and the survey-definition key that names it. */
export interface WantedColumn {
  column: string;
  at: string;
}

/**
 * Field index of each wanted column in a header. Names match as the responses' do (NFKC,
 * trimmed, lower-cased, inner spaces collapsed). A missing or repeated wanted column is fatal.
 */
export function matchColumns(fields: string[], wanted: WantedColumn[], file: string, line: number): { names: string[]; index: number[] } {
  const names = fields.map((f) => normalizeLabel(f, false));
  const normalized = fields.map(normalizeHeader);
  const index = wanted.map(({ column, at }) => {
    const key = normalizeHeader(column);
    const hits = normalized.flatMap((n, i) => (n === key ? [i] : []));
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) {
      throw new CsatError(`header has "${column}" ${hits.length} times (fields ${hits.map((h) => h + 1).join(', ')}); expected it once, since ${at} reads it`, { file, line, column }, {
        exitCode: DATA_ERROR, hint: 'rename or remove the extra column',
      });
    }
    const near = closest(key, normalized);
    const shown = names.slice(0, 30).map((n) => `"${n}"`).join(', ') + (names.length > 30 ? ` … and ${names.length - 30} more` : '');
    throw new CsatError(`missing column "${column}" (${at} in the survey definition); the header has ${names.length} column${names.length === 1 ? '' : 's'}: ${shown}`, { file, line }, {
      exitCode: DATA_ERROR,
      hint: near !== undefined ? `closest header name: "${names[normalized.indexOf(near)]}"` : 'no header name is close',
    });
  });
  return { names, index };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * A number as exports write it: full-width digits (NFKC), a leading currency sign (¥ ￥ $ € £)
 * and thousands commas in the usual 1,234,567.89 grouping are accepted; NaN otherwise.
 */
export function parseNumber(text: string): number {
  let s = text.normalize('NFKC').trim().replace(/^([+-]?)\s*[¥$€£]\s*/, '$1');
  if (GROUPED.test(s)) s = s.replaceAll(',', '');
  return NUMBER.test(s) ? Number(s) : NaN;
}

/** Row accounting shared by the purchases and summary readers. */
export class TransactionRows {
  readonly rejected: TransactionRejectedRow[] = [];
  readonly accounting: TransactionAccounting;
  names: string[] = [];

  constructor(file: string, encoding: string, delimiter: string) {
    this.accounting = { file, encoding, delimiter, rowsRead: 0, used: 0, rejected: 0, byReason: {} };
  }

  /** Counts the row; false (and the row rejected) when its field count differs from the header's. */
  read(r: RecordView): boolean {
    this.accounting.rowsRead++;
    const width = this.names.length;
    if (r.count === width || (r.count > width && emptyFrom(r, width))) return true;
    const short = r.count < width;
    this.reject(r, 'ragged row', short ? this.names[r.count] : `(field ${width + 1})`, short ? '' : firstNonEmpty(r, width), `${width} fields as in the header; found ${r.count}`);
    return false;
  }

  used(): void {
    this.accounting.used++;
  }

  reject(r: RecordView, reason: TransactionRejectReason, column: string, value: string, expected: string): void {
    this.rejected.push({ file: this.accounting.file, line: r.line, column, value: value === '' ? '' : shownValue(value), reason, expected });
    this.accounting.byReason[reason] = (this.accounting.byReason[reason] ?? 0) + 1;
    this.accounting.rejected++;
  }
}

