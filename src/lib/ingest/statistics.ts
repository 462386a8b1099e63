/**
 * The statistics input mode (`responses.statistics` in survey.yaml): instead of the survey
 * exports, a long CSV of per-cell sufficient statistics, produced by one GROUP BY in a
 * warehouse (docs/performance.md has the SQL). The model's internal currency is exactly
 * these sums (model/sufficient-stats.ts), so every table follows from the file as it would
 * from the rows. One row per (period, segment values…) cell and statistic:
 *
 *   kind   question  level  question2  n  sum_w  sum_w2  sum_wx  sum_wy  sum_wxy  sum_wxx  sum_wyy
 *   rows   –         –      –          responses in the cell, Σw, Σw²
 *   level  q         v      –          answers q = v, Σw, Σw² over them
 *   pair   a         –      b          rows with both a and b answered, Σw, Σw·a, Σw·b, Σw·a·b, Σw·a², Σw·b²
 *
 * before those, `period` (a label such as 2026-Q3, 2026-07, 2026 or all) and one column per
 * segment id. Pairs are needed for the indicators and the driver outcome (the index interval
 * and the driver analysis); a missing pair means no row answered both. Unweighted files
 * have sum_w = n. Empty cells in columns a kind does not use are ignored.
 */
import fs from 'node:fs';
import * as aq from 'arquero';
import type { SurveyConfig } from '../config/types';
import { CsatError } from '../errors';
import type { Atoms } from '../model/reduce';
import { emptyStats, pairIndex, PAIR_WIDTH, type GroupStats, type StatsLayout } from '../model/sufficient-stats';
import { parseCsv } from './csv';
import { DATA_ERROR, decodeBytes } from './decode';
import type { Accounting, Responses } from './types';

export const STAT_COLUMNS = ['n', 'sum_w', 'sum_w2', 'sum_wx', 'sum_wy', 'sum_wxy', 'sum_wxx', 'sum_wyy'] as const;

export interface SurveyStatistics {
  atoms: Atoms;
  /** True when some Σw differs from n (the warehouse applied weights). */
  weighted: boolean;
  accounting: Accounting;
}

export function readStatistics(file: string, shown: string, config: SurveyConfig, layout: StatsLayout): SurveyStatistics {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (e) {
    throw new CsatError(`cannot read the statistics file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: shown }, { exitCode: DATA_ERROR });
  }
  return parseStatistics(decodeBytes(raw, 'utf-8', shown).bytes, shown, config, layout);
}

export function parseStatistics(bytes: Buffer, file: string, config: SurveyConfig, layout: StatsLayout): SurveyStatistics {
  const [header, ...records] = parseCsv(bytes, ',', file);
  if (!header) throw new CsatError('empty statistics file: expected a header line', { file, line: 1 }, { exitCode: DATA_ERROR });
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const segmentIds = config.segments.map((s) => s.id);
  const column = (name: string) => {
    const at = names.indexOf(name.toLowerCase());
    if (at < 0) throw new CsatError(`the statistics file has no column "${name}"`, { file, line: header.line }, { exitCode: DATA_ERROR, hint: `expected kind, period, ${segmentIds.map((s) => `${s}, `).join('')}question, level, question2, ${STAT_COLUMNS.join(', ')}` });
    return at;
  };
  const at = { kind: column('kind'), period: column('period'), question: column('question'), level: column('level'), question2: column('question2') };
  const segmentAt = segmentIds.map(column);
  const statAt = STAT_COLUMNS.map(column);
  const questionOf = new Map(layout.questions.map((q, i) => [q.id, i]));

  const keys = new Map<string, number>();
  const atoms: Atoms = { layout, periods: [], segments: segmentIds.map((id) => ({ id, values: [] })), keys: [], stats: [] };
  const code = (values: string[], value: string) => (values.includes(value) ? values.indexOf(value) : values.push(value) - 1);
  let weighted = false;
  for (const { line, fields } of records) {
    const fail = (column: string, message: string, hint?: string) => new CsatError(message, { file, line, column }, { exitCode: DATA_ERROR, hint });
    const cell = (i: number) => (fields[i] ?? '').trim();
    const number = (k: number) => {
      const text = cell(statAt[k]);
      const v = text === '' ? 0 : Number(text);
      if (!Number.isFinite(v)) throw fail(STAT_COLUMNS[k], `"${text}" is not a number`);
      return v;
    };
    const period = cell(at.period);
    if (period === '') throw fail('period', 'period is empty', 'a period label such as 2026-Q3, 2026-07, 2026 or all');
    const values = segmentAt.map(cell);
    const key = [period, ...values].join('\u0000');
    let atom = keys.get(key);
    if (atom === undefined) {
      atom = atoms.stats.length;
      keys.set(key, atom);
      atoms.keys.push(Int32Array.from([code(atoms.periods, period), ...values.map((v, j) => code(atoms.segments[j].values, v))]));
      atoms.stats.push(emptyStats(layout));
    }
    const s = atoms.stats[atom];
    const [n, w, w2, wx, wy, wxy, wxx, wyy] = STAT_COLUMNS.map((_, k) => number(k));
    if (!(Number.isInteger(n) && n >= 0)) throw fail('n', `n is ${n}; expected a whole number ≥ 0`);
    const kind = cell(at.kind);
    const question = (i: number, name: string) => {
      const q = questionOf.get(cell(i));
      if (q === undefined) throw fail(name, `unknown question "${cell(i)}"`, `one of ${[...questionOf.keys()].join(', ')}`);
      return q;
    };
    if (kind !== 'pair' && w !== n) weighted = true;
    if (kind === 'rows') {
      s.rows += n;
      s.sumW += w;
      s.sumW2 += w2;
    } else if (kind === 'level') addLevel(s, layout, question(at.question, 'question'), cell(at.level), n, w, w2, fail);
    else if (kind === 'pair') addPair(s, layout, question(at.question, 'question'), question(at.question2, 'question2'), [n, w, wx, wy, wxy, wxx, wyy], fail);
    else throw fail('kind', `unknown kind "${kind}"`, 'rows, level or pair');
  }
  if (atoms.stats.length === 0) throw new CsatError('no statistics: the file has no row after the header', { file, line: 2 }, { exitCode: DATA_ERROR });
  return { atoms: inTimeOrder(atoms), weighted, accounting: accountingOf(atoms, file) };
}

type Fail = (column: string, message: string, hint?: string) => CsatError;

function addLevel(s: GroupStats, layout: StatsLayout, q: number, text: string, n: number, w: number, w2: number, fail: Fail): void {
  const { min, points, id } = layout.questions[q];
  const level = Number(text);
  if (!(Number.isInteger(level) && level >= min && level < min + points)) throw fail('level', `level "${text}" is not on the scale of ${id} (${min}–${min + points - 1})`);
  s.counts[layout.offsets[q] + level - min] += w;
  s.n[q] += n;
  s.w2[q] += w2;
}

function addPair(s: GroupStats, layout: StatsLayout, qa: number, qb: number, sums: number[], fail: Fail): void {
  let [a, b] = [layout.cross.indexOf(qa), layout.cross.indexOf(qb)];
  if (a < 0 || b < 0 || a === b) {
    const ids = layout.cross.map((q) => layout.questions[q].id).join(', ');
    throw fail('question2', `no cross-products are kept for ${layout.questions[qa].id} × ${layout.questions[qb].id}`, `pairs of two different questions among ${ids}`);
  }
  let [n, w, wx, wy, wxy, wxx, wyy] = sums;
  if (a > b) [a, b, wx, wy, wxx, wyy] = [b, a, wy, wx, wyy, wxx];
  const p = pairIndex(layout, a, b) * PAIR_WIDTH;
  const pairs = s.pairs;
  pairs[p] += n;
  pairs[p + 1] += w;
  pairs[p + 2] += wx;
  pairs[p + 3] += wy;
  pairs[p + 4] += wxy;
  pairs[p + 5] += wxx;
  pairs[p + 6] += wyy;
}

/** Periods sorted by label (csat-report's labels sort in time order), codes renumbered to match. */
function inTimeOrder(atoms: Atoms): Atoms {
  const periods = [...atoms.periods].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const recode = atoms.periods.map((p) => periods.indexOf(p));
  for (const key of atoms.keys) key[0] = recode[key[0]];
  return { ...atoms, periods };
}

function accountingOf(atoms: Atoms, file: string): Accounting {
  const rows = atoms.stats.reduce((a, s) => a + s.rows, 0);
  const missingRate = Object.fromEntries(atoms.layout.questions.map((q, i) => [q.id, rows ? 1 - atoms.stats.reduce((a, s) => a + s.n[i], 0) / rows : 0]));
  return { files: [{ file, encoding: 'utf-8', delimiter: ',', rowsRead: rows, used: rows, rejected: 0 }], rowsRead: rows, used: rows, rejected: 0, byReason: {}, missingRate };
}

/** The atoms as a statistics file (the inverse of parseStatistics; numbers round-trip exactly). */
export function statisticsCsv(atoms: Atoms): string {
  const { layout } = atoms;
  const header = ['kind', 'period', ...atoms.segments.map((s) => s.id), 'question', 'level', 'question2', ...STAT_COLUMNS];
  const lines = [header.join(',')];
  atoms.stats.forEach((s, i) => {
    const key = [atoms.periods[atoms.keys[i][0]], ...atoms.segments.map((seg, j) => seg.values[atoms.keys[i][j + 1]])].map(csvText);
    const row = (kind: string, q: string, level: string, q2: string, stats: number[]) => lines.push([kind, ...key, q, level, q2, ...stats.map((v) => (Number.isNaN(v) ? '' : String(v))), ...Array(8 - stats.length).fill('')].join(','));
    row('rows', '', '', '', [s.rows, s.sumW, s.sumW2]);
    layout.questions.forEach((q, k) => {
      const counts = s.counts.subarray(layout.offsets[k], layout.offsets[k] + q.points);
      // Atoms keep n and Σw² per question, not per level: only unweighted ones (n = Σw = Σw² per level) can be written.
      if (counts.reduce((a, b) => a + b, 0) !== s.n[k] || s.w2[k] !== s.n[k]) throw new Error(`statisticsCsv: weighted atoms (question ${q.id}) cannot be written per level`);
      counts.forEach((w, l) => w !== 0 && row('level', q.id, String(q.min + l), '', [w, w, w]));
    });
    layout.cross.forEach((qa, a) => layout.cross.slice(a + 1).forEach((qb, d) => {
      const p = pairIndex(layout, a, a + 1 + d) * PAIR_WIDTH;
      const x = s.pairs.subarray(p, p + PAIR_WIDTH);
      if (x[0] !== 0) row('pair', layout.questions[qa].id, '', layout.questions[qb].id, [x[0], x[1], NaN, x[2], x[3], x[4], x[5], x[6]]);
    }));
  });
  return `${lines.join('\n')}\n`;
}

const csvText = (v: string) => (/[",\r\n]/.test(v) || v.trim() !== v ? `"${v.replaceAll('"', '""')}"` : v);

/** Responses without rows for a model built from statistics: the columns exist, empty (no comments, no customers). */
export function statisticsResponses(config: SurveyConfig, stats: SurveyStatistics): Responses {
  const columns: Record<string, unknown> = { period: [] };
  for (const s of config.segments) columns[s.id] = [];
  for (const q of config.questions) columns[q.id] = new Float64Array(0);
  for (const c of config.comments) columns[c.id] = [];
  return { table: aq.table(columns), periods: stats.atoms.periods, accounting: stats.accounting, rejected: [] };
}
