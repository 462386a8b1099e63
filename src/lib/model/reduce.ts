import type { ColumnTable } from 'arquero';
import { addInto, addResponse, emptyStats, type GroupStats, type StatsLayout } from './sufficient-stats';
import { columnValues } from './columns';
import { countAtoms } from './reduce-counts';
import type { ResponseCodes } from '../ingest/types';

/**
 * The atoms of a survey: one GroupStats per distinct (period, segment values…) combination
 * present in the data. Every reported cell is a sum of atoms, so the rows are read once.
 */
export interface Atoms {
  layout: StatsLayout;
  periods: string[];
  segments: { id: string; values: string[] }[];
  /** Per atom: [period code, value code of each segment]. */
  keys: Int32Array[];
  stats: GroupStats[];
}

export interface ReduceInput {
  /** The response table, asked for only when the codes do not suffice (ingest makes it when first read). */
  table: () => ColumnTable;
  layout: StatsLayout;
  periods: string[];
  segmentIds: string[];
  /** One weight per row; all 1 when absent. */
  weights?: Float64Array;
  /** The rows as codes from ingest, the same rows as the table (saves turning strings and numbers back into codes). */
  codes?: ResponseCodes;
}

/** Codes of a string column against a dictionary that grows with unseen values. */
function codes(values: ArrayLike<string>, dictionary: string[]): Int32Array {
  const index = new Map(dictionary.map((v, i) => [v, i]));
  const out = new Int32Array(values.length);
  let last: string | undefined;
  let lastCode = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Columns hold runs of the same interned string: skip the Map for a repeat.
    if (v === last) {
      out[i] = lastCode;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(v);
      index.set(v, c);
    }
    out[i] = c;
    last = v;
    lastCode = c;
  }
  return out;
}

/**
 * The atom of each row: an integer key (mixed radix over the period and segment codes)
 * looked up in a flat table when the key space is small, else in a Map of numbers.
 */
function atomOfRows(columns: Int32Array[], radix: number[], rows: number): { atomOf: Int32Array; keys: Int32Array[] } {
  const atomOf = new Int32Array(rows);
  const keys: Int32Array[] = [];
  const space = radix.reduce((a, b) => a * Math.max(b, 1), 1);
  const flat = space <= 1 << 22 ? new Int32Array(space).fill(-1) : undefined;
  const map = flat ? undefined : new Map<number, number>();
  for (let r = 0; r < rows; r++) {
    let k = 0;
    for (let c = columns.length - 1; c >= 0; c--) k = k * radix[c] + columns[c][r];
    let atom = flat ? flat[k] : map!.get(k) ?? -1;
    if (atom < 0) {
      atom = keys.length;
      keys.push(Int32Array.from(columns, (col) => col[r]));
      if (flat) flat[k] = atom;
      else map!.set(k, atom);
    }
    atomOf[r] = atom;
  }
  return { atomOf, keys };
}

export function reduceResponses({ table, layout, periods, segmentIds, weights, codes: fromCodes }: ReduceInput): Atoms {
  // With ingest's codes the table is not read (responses.table is made only when read).
  const rows = fromCodes ? fromCodes.period.length : table().numRows();
  const periodDictionary = [...periods];
  const periodCodes = fromCodes?.period ?? codes(columnValues<string>(table(), 'period'), periodDictionary);
  const segments = segmentIds.map((id, j) => ({ id, values: fromCodes ? [...fromCodes.segmentValues[j]] : ([] as string[]) }));
  const segmentCodes = fromCodes?.segments ?? segments.map((s) => codes(columnValues<string>(table(), s.id), s.values));
  const answers = () => layout.questions.map((q) => columnValues<number>(table(), q.id));
  const columns = [periodCodes, ...segmentCodes];
  const radix = [periodDictionary.length, ...segments.map((s) => s.values.length)];
  const { atomOf, keys } = atomOfRows(columns, radix, rows);

  // Unweighted: count levels and level pairs per atom (exact integer sums); weighted: per row.
  const stats = weights ? undefined : countAtoms(layout, answers, atomOf, keys.length, fromCodes?.levels);
  if (stats) return { layout, periods, segments, keys, stats };
  const perRow = keys.map(() => emptyStats(layout));
  const values = new Float64Array(layout.questions.length);
  const answerColumns = answers();
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < values.length; q++) values[q] = answerColumns[q][r];
    addResponse(layout, perRow[atomOf[r]], values, weights ? weights[r] : 1);
  }
  return { layout, periods, segments, keys, stats: perRow };
}

/** Sums the atoms that satisfy `keep` (by their key). */
export function sumAtoms(atoms: Atoms, keep: (key: Int32Array) => boolean): GroupStats {
  const total = emptyStats(atoms.layout);
  atoms.keys.forEach((k, i) => {
    if (keep(k)) addInto(total, atoms.stats[i]);
  });
  return total;
}
