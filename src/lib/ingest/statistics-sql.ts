/**
 * The one GROUP BY that writes a statistics file (statistics.ts) in a warehouse, written
 * out for a survey definition (DuckDB dialect; docs/performance.md notes BigQuery and Spark).
 * It reads a relation with one row per used response: `period` (csat-report's label),
 * one column per segment id (blank as '(blank)'), one numeric column per question id (NULL =
 * missing) and, when weighted, a weight column. Each response is unnested into the
 * statistics it feeds, one rows entry, one level entry per answered question, one pair
 * entry per answered pair of cross questions, and one GROUP BY sums them per cell.
 */
import type { SurveyConfig } from '../config/types';
import { surveyLayout } from '../model/build';

export interface StatisticsSqlOptions {
  /** The relation to read (a table, a view, or a parenthesised query). Default `responses`. */
  source?: string;
  /** A weight column or expression; default 1 (unweighted). */
  weight?: string;
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function statisticsSql(config: SurveyConfig, { source = 'responses', weight = '1' }: StatisticsSqlOptions = {}): string {
  const layout = surveyLayout(config);
  const ids = layout.questions.map((q) => q.id);
  const entry = (kind: string, question: string | null, level: string | null, question2: string | null, x: string | null, y: string | null) =>
    `{kind: ${literal(kind)}, question: ${question ? literal(question) : 'NULL::VARCHAR'}, level: ${level ?? 'NULL::INTEGER'}, ` +
    `question2: ${question2 ? literal(question2) : 'NULL::VARCHAR'}, x: ${x ?? 'NULL::DOUBLE'}, y: ${y ?? 'NULL::DOUBLE'}}`;
  const entries = [
    entry('rows', null, null, null, null, null),
    ...ids.map((q) => entry('level', q, `r.${ident(q)}`, null, null, null)),
    ...layout.cross.flatMap((a, i) => layout.cross.slice(i + 1).map((b) => entry('pair', ids[a], null, ids[b], `r.${ident(ids[a])}`, `r.${ident(ids[b])}`))),
  ];
  const cell = ['period', ...config.segments.map((s) => ident(s.id))];
  const keys = [...cell, 'kind', 'question', 'level', 'question2'];
  return `SELECT kind, ${cell.join(', ')}, question, level, question2,
  count(*) AS n, sum(w) AS sum_w, sum(w * w) AS sum_w2,
  sum(w * x) AS sum_wx, sum(w * y) AS sum_wy, sum(w * x * y) AS sum_wxy, sum(w * x * x) AS sum_wxx, sum(w * y * y) AS sum_wyy
FROM (
  SELECT ${cell.map((c) => `r.${c}`).join(', ')}, CAST(${weight} AS DOUBLE) AS w, unnest([
    ${entries.join(',\n    ')}
  ], recursive := true)
  FROM ${source} AS r
)
WHERE kind = 'rows' OR (kind = 'level' AND level IS NOT NULL) OR (kind = 'pair' AND x IS NOT NULL AND y IS NOT NULL)
GROUP BY ${keys.join(', ')}
ORDER BY ${keys.join(', ')}`;
}
