import type { SurveyMetrics } from '../model/build';
import type { CellBase, ChangeRow, GapRow } from '../model/types';

/**
 * Keyed access to the metric tables for the views, which ask for one cell at a time (a page
 * asks thousands of times): each table is indexed once per metrics object, instead of a
 * linear find over ~1,000 rows per question.
 */
export interface CellLookup {
  index(period: string, segment: string, value: string): SurveyMetrics['index'][number] | undefined;
  score(period: string, segment: string, value: string, question: string): SurveyMetrics['scores'][number] | undefined;
  nps(period: string, segment: string, value: string): SurveyMetrics['nps'][number] | undefined;
  ces(period: string, segment: string, value: string): SurveyMetrics['ces'][number] | undefined;
  /** The change into `period` (from the previous one). */
  change(period: string, segment: string, value: string, metric: string, question: string): ChangeRow | undefined;
  gap(period: string, segment: string, value: string, metric: string, question?: string): GapRow | undefined;
}

const key = (...parts: string[]) => parts.join('\u0000');
const cellKey = (r: CellBase, ...more: string[]) => key(r.period, r.segment, r.segment_value, ...more);

/** First row per key, as Array.prototype.find would return it. */
function byKey<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = keyOf(row);
    if (!map.has(k)) map.set(k, row);
  }
  return map;
}

const lookups = new WeakMap<SurveyMetrics, CellLookup>();

export function cellLookup(metrics: SurveyMetrics): CellLookup {
  let lookup = lookups.get(metrics);
  if (lookup) return lookup;
  const index = byKey(metrics.index, (r) => cellKey(r));
  const scores = byKey(metrics.scores, (r) => cellKey(r, r.question));
  const nps = byKey(metrics.nps, (r) => cellKey(r));
  const ces = byKey(metrics.ces, (r) => cellKey(r));
  const changes = byKey(metrics.changes, (c) => key(c.period_to, c.segment, c.segment_value, c.metric, c.question));
  const gaps = byKey(metrics.gaps, (g) => key(g.period, g.segment, g.segment_value, g.metric, g.question));
  const gapsAnyQuestion = byKey(metrics.gaps, (g) => key(g.period, g.segment, g.segment_value, g.metric));
  lookup = {
    index: (p, s, v) => index.get(key(p, s, v)),
    score: (p, s, v, q) => scores.get(key(p, s, v, q)),
    nps: (p, s, v) => nps.get(key(p, s, v)),
    ces: (p, s, v) => ces.get(key(p, s, v)),
    change: (p, s, v, m, q) => changes.get(key(p, s, v, m, q)),
    gap: (p, s, v, m, q) => (q === undefined ? gapsAnyQuestion : gaps).get(q === undefined ? key(p, s, v, m) : key(p, s, v, m, q)),
  };
  lookups.set(metrics, lookup);
  return lookup;
}
