import { sumAtoms, type Atoms } from './reduce';
import { subtractStats, type GroupStats } from './sufficient-stats';

export const ALL = 'all';
/** The period label of the all-periods total. */
export const TOTAL = 'total';

export interface Cell {
  period: string;
  segment: string;
  segmentValue: string;
  stats: GroupStats;
  /** The other respondents of the same period (for segment gaps); absent for the `all` cell. */
  rest?: GroupStats;
}

/** Every reported cell: each period and the total, overall and per segment value. */
export function enumerateCells(atoms: Atoms, segmentOrder: Record<string, string[]> = {}): Cell[] {
  const cells: Cell[] = [];
  const periodCodes: (number | null)[] = [...atoms.periods.map((_, i) => i), null];
  for (const pc of periodCodes) {
    const period = pc === null ? TOTAL : atoms.periods[pc];
    const inPeriod = (k: Int32Array) => pc === null || k[0] === pc;
    const all = sumAtoms(atoms, inPeriod);
    cells.push({ period, segment: ALL, segmentValue: ALL, stats: all });
    atoms.segments.forEach((segment, s) => {
      for (const value of orderValues(segment.values, segmentOrder[segment.id])) {
        const code = segment.values.indexOf(value);
        const stats = sumAtoms(atoms, (k) => inPeriod(k) && k[s + 1] === code);
        if (stats.rows === 0) continue;
        cells.push({ period, segment: segment.id, segmentValue: value, stats, rest: subtractStats(all, stats) });
      }
    });
  }
  return cells;
}

/** Configured order first, then the rest alphabetically (code-point order: locale-independent). */
export function orderValues(values: readonly string[], order: readonly string[] = []): string[] {
  const listed = order.filter((v) => values.includes(v));
  const others = values.filter((v) => !order.includes(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...listed, ...others];
}
