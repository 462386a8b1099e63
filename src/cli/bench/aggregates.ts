/**
 * The aggregates both engines compute in the benchmark, so the comparison is honest: per
 * period (and all periods) × segment value (and all) × rated question: n, mean and
 * top-2-box share of the valid answers, and the NPS. csat-report's come from its metric
 * tables; DuckDB's from one GROUP BY GROUPING SETS query written from the survey definition.
 */
import type { Question, SurveyConfig } from '../../lib/config/types';
import type { SurveyMetrics } from '../../lib/model/build';
import { parse as parseYaml } from 'yaml';

export interface Aggregate {
  period: string;
  segment: string;
  value: string;
  question: string;
  n: number;
  mean: number | null;
  top2: number | null;
  /** The NPS item only. */
  nps?: number | null;
}

const ALL = 'all';
const TOTAL = 'total';
const BLANK_SEGMENT = '(blank)';

export const keyOf = (a: Pick<Aggregate, 'period' | 'segment' | 'value' | 'question'>) => `${a.period}|${a.segment}|${a.value}|${a.question}`;

/** The rated questions (the ones in the scores table). */
export const ratedQuestions = (config: SurveyConfig) => config.questions.filter((q) => q.role !== 'outcome');

/** csat-report's aggregates, read from its metric tables (suppressed cells have null estimates). */
export function modelAggregates(metrics: SurveyMetrics): Aggregate[] {
  const nps = new Map(metrics.nps.map((r) => [keyOf({ period: r.period, segment: r.segment, value: r.segment_value, question: r.question }), r.nps]));
  return metrics.scores.map((r) => {
    const key = { period: r.period, segment: r.segment, value: r.segment_value, question: r.question };
    const a: Aggregate = { ...key, n: r.n, mean: r.mean, top2: r.top2 };
    if (nps.has(keyOf(key))) a.nps = nps.get(keyOf(key)) ?? null;
    return a;
  });
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * How DuckDB maps labels: `exact` matches them as written in survey.yaml (the fastest query
 * that is right for files that write labels exactly, as the benchmark's do); `normalized`
 * matches the trimmed, lower-cased cell, as ingest does (ingest also applies NFKC).
 */
export type LabelMatch = 'exact' | 'normalized';

/** Labels and missing codes of each scale as written in the survey definition. */
export type WrittenLabels = Map<string, { labels: [string, number][]; missing: string[] }>;

export function writtenLabels(yaml: string): WrittenLabels {
  const doc = parseYaml(yaml) as { scales?: Record<string, { labels?: Record<string, number>; missing?: (string | number)[] }> };
  return new Map(Object.entries(doc.scales ?? {}).map(([id, s]) => [id, { labels: Object.entries(s.labels ?? {}), missing: (s.missing ?? []).map(String) }]));
}

/** A question's answer as a number: labels and missing codes by CASE, else the digits. */
function answerExpression(q: Question, match: LabelMatch, written: WrittenLabels): string {
  const cell = match === 'exact' ? ident(q.column) : `lower(trim(${ident(q.column)}))`;
  const labels = match === 'exact' ? (written.get(q.scale.id)?.labels ?? []) : [...q.scale.labels];
  const missing = match === 'exact' ? (written.get(q.scale.id)?.missing ?? []) : [...q.scale.missing];
  const whens = [
    ...(match === 'exact' ? [] : [`WHEN ${cell} = '' THEN NULL`]),
    ...missing.map((m) => `WHEN ${cell} = ${quote(m)} THEN NULL`),
    ...labels.map(([label, value]) => `WHEN ${cell} = ${quote(label)} THEN ${value}`),
  ];
  return `CASE ${whens.join(' ')} ELSE TRY_CAST(${cell} AS INTEGER) END`;
}

const STRPTIME: Record<string, string> = { YYYY: '%Y', MM: '%m', DD: '%d', HH: '%H', mm: '%M', ss: '%S' };

/** The period label of a row, from its date in the survey's own wall-clock time (as ingest assigns it). */
function periodExpression(config: SurveyConfig): string {
  const column = config.responses.date;
  if (column === undefined) return `'${ALL}'`;
  const format = config.responses.dateFormat.replace(/YYYY|MM|DD|HH|mm|ss/g, (t) => STRPTIME[t]);
  if (/[YMDHms]/.test(format.replace(/%[A-Za-z]/g, ''))) throw new Error(`bench: date_format ${config.responses.dateFormat} has no strptime equivalent here`);
  const ts = `strptime(trim(${ident(column)}), ${quote(format)})`;
  if (config.period === 'year') return `strftime(${ts}, '%Y')`;
  if (config.period === 'month') return `strftime(${ts}, '%Y-%m')`;
  return `strftime(${ts}, '%Y') || '-Q' || quarter(${ts})`;
}

/** One GROUP BY with grouping sets: every period and the total, overall and per segment value. */
export function duckdbSql(config: SurveyConfig, files: string[], match: LabelMatch = 'normalized', written: WrittenLabels = new Map()): string {
  const segments = config.segments;
  const questions = ratedQuestions(config);
  const columns = [
    `${periodExpression(config)} AS period`,
    ...segments.map((s) => `coalesce(nullif(trim(${ident(s.column)}), ''), ${quote(BLANK_SEGMENT)}) AS ${ident(`s_${s.id}`)}`),
    ...questions.map((q) => `${answerExpression(q, match, written)} AS ${ident(`q_${q.id}`)}`),
  ];
  const measures = questions.flatMap((q) => {
    const x = ident(`q_${q.id}`);
    const out = [`count(${x}) AS ${ident(`n_${q.id}`)}`, `avg(${x}) AS ${ident(`mean_${q.id}`)}`];
    if (q.scale.points >= 3) out.push(`avg(CASE WHEN ${x} >= ${q.scale.max - 1} THEN 1.0 WHEN ${x} IS NOT NULL THEN 0.0 END) AS ${ident(`top2_${q.id}`)}`);
    if (q.role === 'nps') out.push(`100.0 * (count(*) FILTER (WHERE ${x} >= 9) - count(*) FILTER (WHERE ${x} <= 6)) / nullif(count(${x}), 0) AS ${ident(`nps_${q.id}`)}`);
    return out;
  });
  const seg = segments.map((s) => ident(`s_${s.id}`));
  const sets = ['(period)', ...seg.map((s) => `(period, ${s})`), '()', ...seg.map((s) => `(${s})`)];
  const list = `[${files.map(quote).join(', ')}]`;
  return [
    `WITH r AS (SELECT ${columns.join(',\n  ')}`,
    `FROM read_csv(${list}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true, encoding = 'utf-8'))`,
    `SELECT grouping(period) AS all_periods, ${segments.map((s, i) => `grouping(${seg[i]}) AS ${ident(`g_${s.id}`)}, ${seg[i]}`).join(', ')}, period,`,
    `  ${measures.join(',\n  ')}`,
    `FROM r GROUP BY GROUPING SETS (${sets.join(', ')})`,
  ].join('\n');
}

/** DuckDB's result rows → aggregates in csat-report's cell keys. */
export function duckdbAggregates(config: SurveyConfig, rows: Record<string, unknown>[]): Aggregate[] {
  const out: Aggregate[] = [];
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  for (const row of rows) {
    const period = Number(row.all_periods) === 1 ? TOTAL : String(row.period);
    const grouped = config.segments.find((s) => Number(row[`g_${s.id}`]) === 0);
    const segment = grouped?.id ?? ALL;
    const value = grouped ? String(row[`s_${grouped.id}`]) : ALL;
    for (const q of ratedQuestions(config)) {
      const a: Aggregate = { period, segment, value, question: q.id, n: Number(row[`n_${q.id}`]), mean: num(row[`mean_${q.id}`]), top2: q.scale.points >= 3 ? num(row[`top2_${q.id}`]) : null };
      if (q.role === 'nps') a.nps = num(row[`nps_${q.id}`]);
      out.push(a);
    }
  }
  return out;
}

export interface Agreement {
  compared: number;
  /** Estimates compared (csat-report suppresses small cells; their n is still compared). */
  estimates: number;
  problems: string[];
}

/** n exactly, mean, top-2 and NPS to `tolerance`; every cell of one side must be in the other. */
export function compareAggregates(csat: Aggregate[], duck: Aggregate[], tolerance = 1e-9): Agreement {
  const problems: string[] = [];
  const other = new Map(duck.map((a) => [keyOf(a), a]));
  let estimates = 0;
  for (const a of csat) {
    const b = other.get(keyOf(a));
    other.delete(keyOf(a));
    if (!b) {
      problems.push(`${keyOf(a)}: missing in DuckDB`);
      continue;
    }
    if (a.n !== b.n) problems.push(`${keyOf(a)}: n ${a.n} vs ${b.n}`);
    for (const field of ['mean', 'top2', 'nps'] as const) {
      const [x, y] = [a[field], b[field]];
      if (x === null || x === undefined) continue; // suppressed or not applicable
      estimates++;
      if (y === null || y === undefined || !(Math.abs(x - y) <= tolerance)) problems.push(`${keyOf(a)}: ${field} ${x} vs ${y}`);
    }
  }
  for (const key of other.keys()) problems.push(`${key}: missing in csat-report`);
  return { compared: csat.length, estimates, problems };
}
