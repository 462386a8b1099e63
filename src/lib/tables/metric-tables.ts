import type { Model } from '../model/load-model';
import { roundColumn, roundEdge } from '../format';
import type { Cell } from './csv';
import { loyaltyTables } from './loyalty-tables';

/** A named output table: its columns in order and its rows, numbers already rounded at the edge. */
export interface OutputTable {
  name: string;
  columns: string[];
  rows: Record<string, Cell>[];
}

const KEY = ['period', 'segment', 'segment_value'];
const SIZE = ['n', 'n_eff', 'suppressed', 'directional'];

function table(name: string, columns: string[], source: readonly object[], extra?: (row: Record<string, unknown>) => Record<string, Cell>): OutputTable {
  const rows = source.map((r) => {
    const row = r as Record<string, unknown>;
    const out: Record<string, Cell> = {};
    for (const c of columns) {
      const v = row[c];
      out[c] = typeof v === 'number' ? roundColumn(c, v) : (v as Cell);
    }
    return extra ? { ...out, ...extra(row) } : out;
  });
  return { name, columns: extra && source.length ? Object.keys(rows[0]) : columns, rows };
}

/** Every metric table of the model, as the `metrics` command and the site's downloads write them. */
export function metricTables(model: Model): OutputTable[] {
  const m = model.metrics;
  const levels = [...new Set(model.config.questions.flatMap((q) => Array.from({ length: q.scale.points }, (_, i) => q.scale.min + i)))].sort((a, b) => a - b);
  const levelColumns = levels.map((l) => `level_${l}`);
  const scoreColumns = [...KEY, 'question', ...SIZE, 'missing', 'mean', 'mean_low', 'mean_high', 'sd', 'top2', 'top2_low', 'top2_high', 'bottom2', 'bottom2_low', 'bottom2_high', 'score100'];
  const minOf = new Map(model.config.questions.map((q) => [q.id, q.scale.min]));
  const scores = table('scores', [...scoreColumns, ...levelColumns], m.scores, (r) => {
    const counts = r.counts as number[];
    const min = minOf.get(r.question as string) ?? 0;
    return Object.fromEntries(levelColumns.map((c, i) => [c, counts[levels[i] - min] === undefined ? null : roundEdge(counts[levels[i] - min])]));
  });
  const test = ['metric', 'question', 'segment', 'segment_value'];
  const stats = ['from', 'to', 'delta', 'delta_low', 'delta_high', 'p', 'q', 'significant', 'test'];
  return [
    scores,
    table('index', [...KEY, ...SIZE, 'value', 'low', 'high', 'se'], m.index),
    table('nps', [...KEY, 'question', ...SIZE, 'promoters', 'passives', 'detractors', 'promoters_share', 'passives_share', 'detractors_share', 'nps', 'low', 'high'], m.nps),
    table('ces', [...KEY, 'question', ...SIZE, 'mean', 'mean_low', 'mean_high', 'easy', 'easy_low', 'easy_high'], m.ces),
    table('outcomes', [...KEY, 'question', ...SIZE, 'share', 'low', 'high'], m.outcomes),
    table('changes', [...test, 'period_from', 'period_to', ...stats], m.changes),
    table('gaps', [...test, 'period', ...stats], m.gaps),
    table('drivers', [...KEY, 'question', 'r', 'importance', 'performance', 'quadrant', 'priority', 'n', 'r2', 'unstable'], m.drivers),
    table('themes', ['period', 'group', 'term', 'docs', 'z', 'examples'], model.themes.rows.map((r) => ({ ...r, examples: r.examples.join(' | ') }))),
    ...actionTables(model),
    ...loyaltyTables(model),
  ];
}

/** The improvement actions with their before/after results, and the uncovered pain points (only with an actions file). */
function actionTables(model: Model): OutputTable[] {
  if (!model.config.actions) return [];
  const actions = model.actions.map((a) => ({ ...a, segment: a.segment === 'all' ? 'all' : `${a.segment}=${a.segment_value}` }));
  const uncovered = model.uncovered.map((u) => ({ ...u, suggestion: u.suggestion[model.config.locale] }));
  return [
    table('actions', ['id', 'title', 'question', 'segment', 'owner', 'status', 'start', 'due', 'done', 'target', 'before', 'after', 'delta', 'delta_low', 'delta_high', 'p', 'significant', 'overdue', 'gap'], actions),
    table('uncovered', ['question', 'quadrant', 'priority', 'suggestion'], uncovered),
  ];
}
