import type { SurveyConfig } from '../config/types';
import type { Accounting, RejectedRow, Responses } from '../ingest/types';
import { benjaminiHochberg } from '../metrics/multiple-testing';
import { enumerateCells, ALL, TOTAL, type Cell } from './cells';
import { compareGroups, type Comparison } from './compare';
import { deriveCell } from './derive-cell';
import { reduceResponses, type Atoms } from './reduce';
import { makeLayout, type StatsLayout } from './sufficient-stats';
import { surveyWeights } from './weights';
import { allDriverRows, type DriverRow } from './drivers';
import type { ChangeRow, CesRow, GapRow, IndexRow, NpsRow, OutcomeRow, ScoreRow } from './types';

/** The survey metrics: every table the site, the CLI and the downloads show. */
export interface SurveyMetrics {
  periods: string[];
  latest: string;
  segments: { id: string; values: string[] }[];
  weighted: boolean;
  scores: ScoreRow[];
  index: IndexRow[];
  nps: NpsRow[];
  ces: CesRow[];
  outcomes: OutcomeRow[];
  changes: ChangeRow[];
  gaps: GapRow[];
  drivers: DriverRow[];
  accounting: Accounting;
  rejected: RejectedRow[];
}

/** Which questions are counted, and which get cross-products (the indicators and the driver outcome). */
export function surveyLayout(config: SurveyConfig): StatsLayout {
  const questions = config.questions.map((q) => ({ id: q.id, min: q.scale.min, points: q.scale.points }));
  const cross = config.questions.flatMap((q, i) => (q.role === 'indicator' || q.id === config.drivers.outcome ? [i] : []));
  return makeLayout(questions, cross);
}

export function atomsFromResponses(responses: Responses, config: SurveyConfig): Atoms {
  const weights = config.weighting ? surveyWeights(responses.table, responses.periods, config) : undefined;
  return reduceResponses({
    table: () => responses.table, layout: surveyLayout(config), periods: responses.periods,
    segmentIds: config.segments.map((s) => s.id), weights, codes: responses.codes,
  });
}

/** Derives every metric table from the atoms (the sufficient statistics) alone. */
export function metricsFromAtoms(atoms: Atoms, config: SurveyConfig, accounting: Accounting, rejected: RejectedRow[], weighted: boolean): SurveyMetrics {
  const order = Object.fromEntries(config.segments.map((s) => [s.id, s.order]));
  const cells = enumerateCells(atoms, order);
  const m: SurveyMetrics = {
    periods: atoms.periods, latest: atoms.periods[atoms.periods.length - 1] ?? TOTAL,
    segments: atoms.segments.map((s) => ({ id: s.id, values: cells.filter((c) => c.segment === s.id && c.period === TOTAL).map((c) => c.segmentValue) })),
    weighted, scores: [], index: [], nps: [], ces: [], outcomes: [], changes: [], gaps: [], drivers: [], accounting, rejected,
  };
  for (const cell of cells) {
    const rows = deriveCell(cell, config, atoms.layout);
    m.scores.push(...rows.scores);
    if (rows.index) m.index.push(rows.index);
    if (rows.nps) m.nps.push(rows.nps);
    if (rows.ces) m.ces.push(rows.ces);
    m.outcomes.push(...rows.outcomes);
  }
  m.changes = periodChanges(cells, atoms, config);
  m.gaps = segmentGaps(cells, config, atoms.layout);
  m.drivers = allDriverRows(atoms, config);
  return m;
}

const key = (c: Cell) => `${c.segment}\u0000${c.segmentValue}`;

/** Each period against the one before, per cell; BH within each period's table (one page). */
function periodChanges(cells: Cell[], atoms: Atoms, config: SurveyConfig): ChangeRow[] {
  const out: ChangeRow[] = [];
  for (let k = 1; k < atoms.periods.length; k++) {
    const [from, to] = [atoms.periods[k - 1], atoms.periods[k]];
    const before = new Map(cells.filter((c) => c.period === from).map((c) => [key(c), c]));
    const family: ChangeRow[] = [];
    for (const cell of cells.filter((c) => c.period === to)) {
      const prev = before.get(key(cell));
      if (!prev) continue;
      for (const t of compareGroups(cell.stats, prev.stats, config, atoms.layout)) {
        family.push(withCell(t, cell, { period_from: from, period_to: to }) as ChangeRow);
      }
    }
    out.push(...adjust(family, config.thresholds.alpha));
  }
  return out;
}

/** Each segment value against the rest of its period; BH within each period. */
function segmentGaps(cells: Cell[], config: SurveyConfig, layout: StatsLayout): GapRow[] {
  const out: GapRow[] = [];
  const periods = [...new Set(cells.map((c) => c.period))];
  for (const period of periods) {
    const family: GapRow[] = [];
    for (const cell of cells.filter((c) => c.period === period && c.segment !== ALL && c.rest)) {
      for (const t of compareGroups(cell.stats, cell.rest!, config, layout)) family.push(withCell(t, cell, { period }) as GapRow);
    }
    out.push(...adjust(family, config.thresholds.alpha));
  }
  return out;
}

// Built field by field, one literal per row shape (object spreads here, even of a one-key
// object, made each row a slow generic copy); same key order as a spread would give.
function withCell(t: Comparison, cell: Cell, extra: { period_from: string; period_to: string } | { period: string }) {
  const p = t.p ?? NaN;
  if ('period' in extra) {
    return {
      period: extra.period, metric: t.metric, question: t.question, test: t.test, from: t.from, to: t.to, delta: t.delta, delta_low: t.delta_low, delta_high: t.delta_high,
      p, segment: cell.segment, segment_value: cell.segmentValue, q: NaN, significant: false,
    };
  }
  return {
    period_from: extra.period_from, period_to: extra.period_to, metric: t.metric, question: t.question, test: t.test, from: t.from, to: t.to, delta: t.delta, delta_low: t.delta_low, delta_high: t.delta_high,
    p, segment: cell.segment, segment_value: cell.segmentValue, q: NaN, significant: false,
  };
}

function adjust<T extends { p: number; q: number; significant: boolean }>(family: T[], alpha: number): T[] {
  const q = benjaminiHochberg(family.map((r) => (Number.isFinite(r.p) ? r.p : null)));
  family.forEach((r, i) => {
    r.q = q[i] ?? NaN;
    r.significant = Number.isFinite(r.q) && r.q < alpha;
  });
  return family;
}
