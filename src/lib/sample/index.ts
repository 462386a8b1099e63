/**
 * The whole sample data set as file contents (path relative to data/ → text), from one
 * seed. Pure: the same seed gives the same bytes on any machine, time zone or locale.
 */
import { mulberry32 } from '../util/random';
import { ACTION_HEADER, ACTIONS } from './actions';
import { quarters } from './calendar';
import { toCsv } from './csv-writer';
import { generateCustomers } from './customers';
import { plantDefects, type PlantedDefect } from './defects';
import { generateQuarter, RESPONSE_HEADER } from './responses';
import { FIRST_YEAR, QUARTER_COUNT, RESPONSES_PER_QUARTER } from './spec';
import { generateTransactions } from './transactions';

export const DEFAULT_SEED = 20250101;

export interface SampleFile {
  /** Relative to the data folder, with forward slashes, e.g. responses/2025-Q1.csv. */
  path: string;
  content: string;
}

export interface Sample {
  files: SampleFile[];
  /** What was planted on purpose, for tests and the generator's summary. */
  defects: PlantedDefect[];
}

/** An independent stream per part, so changing one part leaves the others' draws alone. */
function stream(seed: number, part: number) {
  return mulberry32((seed ^ Math.imul(part + 1, 0x9e3779b1)) >>> 0);
}

export function generateSample(seed: number = DEFAULT_SEED): Sample {
  if (!Number.isInteger(seed)) throw new Error(`generateSample: seed must be an integer, got ${seed}`);
  const span = quarters(FIRST_YEAR, QUARTER_COUNT);
  const customers = generateCustomers(stream(seed, 0), span);
  const lastDay = span[span.length - 1].end;
  const transactions = generateTransactions(stream(seed, 1), customers, lastDay);
  const waves = span.map((quarter) => generateQuarter(stream(seed, 10 + quarter.index), customers, quarter, RESPONSES_PER_QUARTER[quarter.index]));
  const defects = plantDefects(stream(seed, 2), waves);

  const files: SampleFile[] = span.map((quarter) => ({
    path: `responses/${quarter.label}.csv`,
    // Exports from the old survey tool (2025) have CRLF line ends; all carry Excel's BOM.
    content: toCsv(RESPONSE_HEADER, waves[quarter.index], { bom: true, eol: quarter.label < '2026' ? '\r\n' : '\n' }),
  }));
  files.push({ path: 'actions.csv', content: toCsv(ACTION_HEADER, ACTIONS.map((a) => ACTION_HEADER.map((k) => a[k]))) });
  files.push({
    path: 'transactions.csv',
    content: toCsv(['order_id', 'customer_id', 'date', 'amount'], transactions.map((t) => [t.order_id, t.customer_id, t.date, t.amount])),
  });
  return { files, defects };
}
