// Loads the vendored CDNOW files (test/fixtures/cdnow, see its README for the attribution).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { epochDay, type Transaction } from '../../../../src/lib/analysis/clv/rfm-summary';

const dir = fileURLToPath(new URL('../../../fixtures/cdnow/', import.meta.url));

export interface CdnowSummary {
  id: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
}

export function loadCdnowSummary(): CdnowSummary {
  const rows = readFileSync(`${dir}cdnow_customers_summary_with_transactions.csv`, 'utf8').trim().split('\n').slice(1);
  const fields = rows.map((line) => line.split(','));
  const column = (k: number) => Float64Array.from(fields, (f) => Number(f[k]));
  return { id: fields.map((f) => f[0]), x: column(1), tx: column(2), T: column(3), zbar: column(4) };
}

/** Raw purchases; customer = the sample id without leading zeros, to match the summary's ID. */
export function loadCdnowTransactions(): Transaction[] {
  return readFileSync(`${dir}CDNOW_sample.txt`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [, sampleId, ymd, , amount] = line.trim().split(/\s+/);
      const date = epochDay(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)));
      return { customer: String(Number(sampleId)), date, amount: Number(amount) };
    });
}

/** The published CDNOW BG/NBD estimates, full precision (data README, independent re-fits). */
export const CDNOW_BGNBD = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
export const CDNOW_GAMMA_GAMMA = { p: 6.2488, q: 3.7446, gamma: 15.4477 };
