import type { ColumnTable } from 'arquero';
import { addInto, addResponse, emptyStats, type GroupStats, type StatsLayout } from './sufficient-stats';

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
  table: ColumnTable;
  layout: StatsLayout;
  periods: string[];
  segmentIds: string[];
  /** One weight per row; all 1 when absent. */
  weights?: Float64Array;
}

function codes(values: ArrayLike<string>, dictionary: string[]): Int32Array {
  const index = new Map(dictionary.map((v, i) => [v, i]));
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let c = index.get(values[i]);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(values[i]);
      index.set(values[i], c);
    }
    out[i] = c;
  }
  return out;
}

export function reduceResponses({ table, layout, periods, segmentIds, weights }: ReduceInput): Atoms {
  const rows = table.numRows();
  const periodCodes = codes(table.array('period') as string[], [...periods]);
  const segments = segmentIds.map((id) => ({ id, values: [] as string[] }));
  const segmentCodes = segments.map((s) => codes(table.array(s.id) as string[], s.values));
  const answers = layout.questions.map((q) => table.array(q.id) as ArrayLike<number>);

  const atomOf = new Map<string, number>();
  const keys: Int32Array[] = [];
  const stats: GroupStats[] = [];
  const values = new Float64Array(layout.questions.length);
  const key = new Int32Array(1 + segments.length);
  for (let r = 0; r < rows; r++) {
    key[0] = periodCodes[r];
    for (let s = 0; s < segments.length; s++) key[s + 1] = segmentCodes[s][r];
    const k = key.join(',');
    let atom = atomOf.get(k);
    if (atom === undefined) {
      atom = stats.length;
      atomOf.set(k, atom);
      keys.push(key.slice());
      stats.push(emptyStats(layout));
    }
    for (let q = 0; q < values.length; q++) values[q] = answers[q][r];
    addResponse(layout, stats[atom], values, weights ? weights[r] : 1);
  }
  return { layout, periods, segments, keys, stats };
}

/** Sums the atoms that satisfy `keep` (by their key). */
export function sumAtoms(atoms: Atoms, keep: (key: Int32Array) => boolean): GroupStats {
  const total = emptyStats(atoms.layout);
  atoms.keys.forEach((k, i) => {
    if (keep(k)) addInto(total, atoms.stats[i]);
  });
  return total;
}
