/**
 * Bigger data sets in the sample's shape (for the benchmark): the same columns, labels,
 * comments and quarters as the sample, with any number of responses. Each quarter is
 * drawn as blocks of the sample's own wave size from the sample's customer base
 * (generateQuarter draws distinct customers, and the base has 2,900), each block from its
 * own seeded stream; response ids are renumbered across blocks so they stay unique.
 * No defects are planted: every row is valid, so other engines can read the same files.
 * Pure: the same seed and count give the same text on any machine.
 */
import { mulberry32 } from '../util/random';
import { quarters } from './calendar';
import { csvField, toCsv } from './csv-writer';
import { generateCustomers } from './customers';
import { generateQuarter, RESPONSE_HEADER } from './responses';
import { FIRST_YEAR, QUARTER_COUNT, RESPONSES_PER_QUARTER } from './spec';

export interface LargeQuarter {
  /** e.g. 2026-Q2 (the file name without .csv). */
  label: string;
  responses: number;
}

/** The responses per quarter: `total` split in the sample's proportions (largest remainder). */
export function largeQuarterSizes(total: number): LargeQuarter[] {
  if (!Number.isInteger(total) || total < QUARTER_COUNT) throw new Error(`responses: expected an integer ≥ ${QUARTER_COUNT}, got ${total}`);
  const sum = RESPONSES_PER_QUARTER.reduce((a, b) => a + b, 0);
  const exact = RESPONSES_PER_QUARTER.map((n) => (n / sum) * total);
  const sizes = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const left = total - sizes.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) sizes[order[k].i]++;
  return quarters(FIRST_YEAR, QUARTER_COUNT).map((q, i) => ({ label: q.label, responses: sizes[i] }));
}

const streamSeed = (seed: number, part: number) => (seed ^ Math.imul(part + 1, 0x9e3779b1)) >>> 0;

/**
 * Writes one quarter's export as text chunks through `write` (the first chunk starts with
 * the BOM and header). 2025 files end lines with CRLF, later ones with LF, as in the sample.
 */
export function writeLargeQuarter(seed: number, quarterIndex: number, responses: number, write: (chunk: string) => void): void {
  const span = quarters(FIRST_YEAR, QUARTER_COUNT);
  const quarter = span[quarterIndex];
  const customers = generateCustomers(mulberry32(streamSeed(seed, 0)), span);
  const eol = quarter.label < '2026' ? '\r\n' : '\n';
  const block = RESPONSES_PER_QUARTER[quarterIndex];
  write(toCsv(RESPONSE_HEADER, [], { bom: true, eol }));
  let next = 1;
  for (let b = 0; next <= responses; b++) {
    const count = Math.min(block, responses - next + 1);
    const random = mulberry32(streamSeed(seed, 1000 + quarterIndex * 100_000 + b));
    const rows = generateQuarter(random, customers, quarter, count);
    for (const row of rows) row[0] = `R${quarter.code}-${String(next++).padStart(7, '0')}`;
    write(rows.map((row) => row.map((f) => csvField(f)).join(',') + eol).join(''));
  }
}
