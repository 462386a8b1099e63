import type { SurveyConfig } from '../config';
import { CsatError } from '../errors';
import { closest } from '../util/closest';
import { normalizeLabel } from '../util/text';
import { DATA_ERROR } from './decode';

/**
 * Which header field holds each configured column. Names match after NFKC, trimming
 * (full-width spaces included), lower-casing and collapsing inner runs of white space.
 * Every configured column is required: a missing one is fatal, naming the closest header
 * name. A duplicated header name is fatal only when it is a column we read (we could not
 * tell which copy is meant); duplicates among other columns are ignored.
 */
export interface ColumnPlan {
  /** Header names as written (trimmed), by field index. */
  names: string[];
  /** Field index of each column; -1 when the survey has none. */
  id: number;
  customer: number;
  date: number;
  questions: number[];
  segments: number[];
  comments: number[];
}

export function normalizeHeader(name: string): string {
  return normalizeLabel(name).replace(/\s+/g, ' ');
}

interface Wanted {
  column: string;
  at: string;
}

export function matchHeader(fields: string[], config: SurveyConfig, file: string, line: number): ColumnPlan {
  const byName = new Map<string, number[]>();
  fields.forEach((f, i) => {
    const key = normalizeHeader(f);
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  const names = fields.map((f) => normalizeLabel(f, false));
  const find = ({ column, at }: Wanted): number => {
    const hits = byName.get(normalizeHeader(column));
    if (!hits) throw missingColumn(column, at, names, file, line);
    if (hits.length > 1) {
      throw new CsatError(
        `header has "${column}" ${hits.length} times (fields ${hits.map((h) => h + 1).join(', ')}); expected it once, since ${at} reads it`,
        { file, line, column: column },
        { exitCode: DATA_ERROR, hint: 'rename or remove the extra column' },
      );
    }
    return hits[0];
  };
  const r = config.responses;
  const optional = (column: string | undefined, at: string) => (column === undefined ? -1 : find({ column, at }));
  return {
    names,
    id: optional(r.id, 'responses.id'),
    customer: optional(r.customer, 'responses.customer'),
    date: optional(r.date, 'responses.date'),
    questions: config.questions.map((q, i) => find({ column: q.column, at: `questions[${i}].column` })),
    segments: config.segments.map((s, i) => find({ column: s.column, at: `segments[${i}].column` })),
    comments: config.comments.map((c, i) => find({ column: c.column, at: `comments[${i}]` })),
  };
}

/** A header name that contains the wanted one or is contained in it (服务 → 服务质量), else the closest by edit distance. */
function nearest(wanted: string, candidates: string[]): string | undefined {
  const related = candidates.filter((c) => c !== '' && (c.includes(wanted) || wanted.includes(c)));
  if (related.length) return related.reduce((a, b) => (Math.abs(b.length - wanted.length) < Math.abs(a.length - wanted.length) ? b : a));
  return closest(wanted, candidates);
}

function missingColumn(column: string, at: string, names: string[], file: string, line: number): CsatError {
  const normalized = names.map(normalizeHeader);
  const near = nearest(normalizeHeader(column), normalized);
  const shown = names.slice(0, 30).map((n) => `"${n}"`).join(', ') + (names.length > 30 ? ` … and ${names.length - 30} more` : '');
  const oneColumn = names.length === 1 && /[,;\t|]/.test(names[0]);
  const hint = oneColumn
    ? 'the header is one single column: is responses.delimiter right?'
    : near !== undefined
      ? `closest header name: "${names[normalized.indexOf(near)]}"`
      : 'no header name is close';
  return new CsatError(`missing column "${column}" (${at} in the survey definition); the header has ${names.length} column${names.length === 1 ? '' : 's'}: ${shown}`, { file, line }, {
    exitCode: DATA_ERROR,
    hint,
  });
}
