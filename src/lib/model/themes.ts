/**
 * Comment themes of a survey: the open comments of the responses table, grouped into
 * dissatisfied / satisfied / other by the rating (comment-groups.ts), run through
 * findThemes per period and over all periods ('total') with the survey's theme settings.
 *
 * Only what is published leaves this module: each theme's term, side, comment counts, z and
 * up to 3 masked quotes, and the number of comments per group. No other comment text, no
 * row index and no response id reaches the model.
 */
import type { ColumnTable } from 'arquero';
import type { SurveyConfig } from '../config/types';
import { commentCache, findThemes, type CommentGroup, type SurveyComment, type Theme } from '../analysis/themes/themes';
import { createTokenizer, type TokenizerOptions } from '../analysis/themes/tokenize';
import { maskPii } from '../analysis/themes/mask-pii';
import { commentGrouping, groupOf, type CommentGrouping } from './comment-groups';
import { TOTAL } from './cells';
import { columnValues } from './columns';
import type { ResponseCodes } from '../ingest/types';
import type { TextSource } from '../ingest/text-column';

export type ThemeSide = Exclude<CommentGroup, 'other'>;

export interface ThemeRow {
  /** Period label, or 'total' for all periods together. */
  period: string;
  group: ThemeSide;
  /** 1 = the strongest theme of its group in its period. */
  rank: number;
  term: string;
  /** Other terms found in just the same comments (same counts and quotes), folded into this one. */
  also: string[];
  /** Comments of this group that contain the term. */
  docs: number;
  docs_dissatisfied: number;
  docs_satisfied: number;
  /** Log-odds z, dissatisfied against satisfied: > 0 for dissatisfied themes, < 0 for satisfied ones. */
  z: number;
  /** Up to 3 example comments, personal data masked. */
  examples: string[];
}

export interface ThemeScope {
  period: string;
  /** Non-blank comments per group in this period. */
  comments: Record<CommentGroup, number>;
  /** Of those, the comments analysed: all of them up to THEME_SAMPLE per group, else a deterministic sample. */
  analysed: Record<CommentGroup, number>;
}

export interface SurveyThemes {
  grouping: CommentGrouping;
  /** Each period in time order, then 'total'. */
  scopes: ThemeScope[];
  rows: ThemeRow[];
}

const QUOTES = 3;

/**
 * Most comments per group and period that term discovery reads. Tokenizing costs about
 * 16 µs a comment (Intl.Segmenter), so a million responses (~400k comments) would take
 * longer than everything else together; at 1M responses the three leading themes of each
 * side and period come out among the sample's top five 94 % of the time
 * (docs/performance.md). Counts, z and quotes then refer to the analysed comments.
 */
export const THEME_SAMPLE = 500;

/** Non-blank comments per period (and 'total') and group. */
export type CommentCounts = Map<string, Record<CommentGroup, number>>;

const GROUPS: readonly CommentGroup[] = ['dissatisfied', 'satisfied', 'other'];

/**
 * The comments of the table, each with its period and group, blank ones left out: of each
 * period and group at most `sample`, as a systematic sample (the ⌊j·count/sample⌋-th, j =
 * 0…sample−1, in file order) that spreads over the period and repeats exactly. Objects are
 * made for the kept comments only; `counts` counts them all.
 */
export function surveyComments(source: ColumnTable | CommentRows, config: SurveyConfig, grouping: CommentGrouping, sample = Infinity, codes?: PeriodCodes): { comments: SurveyComment[]; counts: CommentCounts } {
  const counts: CommentCounts = new Map([[TOTAL, { dissatisfied: 0, satisfied: 0, other: 0 }]]);
  if (config.comments.length === 0) return { comments: [], counts };
  const table = isTable(source) ? source : undefined;
  const rows = table ? table.numRows() : (source as CommentRows).rows;
  const columns = table ? config.comments.map((c) => stringTexts(columnValues<string | null>(table, c.id))) : (source as CommentRows).comments;
  const { labels, stratum } = strataOf(table, config, grouping, rows, codes);
  // Per stratum (period × group): [comments, seen so far, kept so far]. Pass 1 counts, pass 2 keeps.
  const tally = new Int32Array(labels.length * GROUPS.length * 3);
  const present = columns.map((column) => {
    const has = new Uint8Array(rows);
    column.markPresent(has);
    for (let i = 0; i < rows; i++) tally[stratum[i] * 3] += has[i];
    return has;
  });
  const comments: SurveyComment[] = [];
  for (let i = 0; i < rows; i++) {
    const t = stratum[i] * 3;
    for (let c = 0; c < columns.length; c++) {
      if (present[c][i] === 0) continue;
      const count = tally[t];
      const seen = tally[t + 1]++;
      if (count > sample && seen !== Math.floor((tally[t + 2] * count) / sample)) continue;
      tally[t + 2]++;
      const code = stratum[i] % GROUPS.length;
      comments.push({ text: columns[c].get(i)!, group: GROUPS[code], period: labels[(stratum[i] - code) / GROUPS.length] });
    }
  }
  const total = counts.get(TOTAL)!;
  labels.forEach((period, p) => {
    const t = p * GROUPS.length * 3;
    const c = { dissatisfied: tally[t], satisfied: tally[t + 3], other: tally[t + 6] };
    counts.set(period, c);
    for (const g of GROUPS) total[g] += c[g];
  });
  return { comments, counts };
}

/**
 * The comment columns (config order) without a table: ingest's rows before the table is made
 * (IngestOptions.onRows), so the themes can start sooner. The codes then give periods and groups.
 */
export interface CommentRows {
  rows: number;
  /** Ingest's comment columns (UTF-8 bytes, a string made when read: ingest/text-column.ts). */
  comments: readonly TextSource[];
}

/** A table's comment strings as a TextSource. */
function stringTexts(values: ArrayLike<string | null>): TextSource {
  const isNull = (i: number) => typeof values[i] !== 'string' || values[i]!.trim() === '';
  return {
    isNull,
    get: (i) => values[i],
    markPresent: (into) => {
      for (let i = 0; i < values.length; i++) if (!isNull(i)) into[i] = 1;
    },
  };
}

const isTable = (source: ColumnTable | CommentRows): source is ColumnTable => typeof (source as ColumnTable).numRows === 'function';

/** The period codes and labels ingest made (ResponseCodes), which save reading the strings. */
export interface PeriodCodes {
  period: Int32Array;
  periods: readonly string[];
  /** The grouping question's level codes (value − min; points = missing). */
  levels: Uint8Array;
}

/** Each row's stratum, period index × 3 + group (dissatisfied, satisfied, other), and the period labels. */
function strataOf(table: ColumnTable | undefined, config: SurveyConfig, grouping: CommentGrouping, rows: number, codes?: PeriodCodes): { labels: string[]; stratum: Int32Array } {
  const stratum = new Int32Array(rows);
  const groupCode = (value: number) => GROUPS.indexOf(groupOf(grouping, value));
  if (codes && codes.period.length === rows) {
    const q = config.questions.find((x) => x.id === grouping.question)!;
    const byLevel = Int32Array.from({ length: q.scale.points + 1 }, (_, l) => groupCode(l < q.scale.points ? q.scale.min + l : NaN));
    for (let i = 0; i < rows; i++) stratum[i] = codes.period[i] * GROUPS.length + byLevel[codes.levels[i]];
    return { labels: [...codes.periods], stratum };
  }
  if (!table) throw new Error('themes: comment rows without a table need the period codes');
  const periods = columnValues<string>(table, 'period');
  const rating = columnValues<number>(table, grouping.question);
  const index = new Map<string, number>();
  const labels: string[] = [];
  for (let i = 0; i < rows; i++) {
    let p = index.get(periods[i]);
    if (p === undefined) index.set(periods[i], (p = labels.push(periods[i]) - 1));
    stratum[i] = p * GROUPS.length + groupCode(rating[i]);
  }
  return { labels, stratum };
}

/**
 * Themes per period and over all periods, from the ingested responses table. Each period
 * reads at most THEME_SAMPLE comments per group; the total reads the periods' samples
 * together, so every analysed comment is tokenized once.
 */
export function surveyThemes(table: ColumnTable, periods: readonly string[], config: SurveyConfig, sample = THEME_SAMPLE): SurveyThemes {
  return themesFromComments(themesInput(table, periods, config, sample));
}

/** What themesFromComments reads: plain data, so another thread can do the work. */
export interface ThemesInput {
  comments: SurveyComment[];
  counts: CommentCounts;
  periods: string[];
  config: SurveyConfig;
}

/** The comments to analyse; with ingest's codes (`responses.codes`) the periods and groups are read from those. */
export function themesInput(source: ColumnTable | CommentRows, periods: readonly string[], config: SurveyConfig, sample = THEME_SAMPLE, codes?: Pick<ResponseCodes, 'period' | 'levels'>): ThemesInput {
  const grouping = commentGrouping(config);
  const q = config.questions.findIndex((x) => x.id === grouping.question);
  const periodCodes = codes && { period: codes.period, periods, levels: codes.levels[q] };
  return { ...surveyComments(source, config, grouping, sample, periodCodes), periods: [...periods], config };
}

export function themesFromComments({ comments, counts, periods, config }: ThemesInput): SurveyThemes {
  const grouping = commentGrouping(config);
  const tokenizerOptions: TokenizerOptions = { locale: config.locale, dictionary: config.themes.dictionary, stopWords: config.themes.stopwords };
  const settings = {
    ...tokenizerOptions,
    // One tokenizer for every scope (each would make the same stop-word set).
    tokenizer: createTokenizer(tokenizerOptions),
    minDocs: config.themes.minDocs,
    top: config.themes.top,
    quotes: QUOTES,
    cache: commentCache(),
  };
  const scopes: ThemeScope[] = [];
  const rows: ThemeRow[] = [];
  for (const period of [...periods, TOTAL]) {
    // Ask for more than `top`: folding terms of the same comments leaves fewer.
    const found = findThemes(comments, { ...settings, top: settings.top * FOLD_SPARE, period: period === TOTAL ? undefined : period });
    scopes.push({ period, comments: { ...(counts.get(period) ?? { dissatisfied: 0, satisfied: 0, other: 0 }) }, analysed: { ...found.comments } });
    for (const side of [found.dissatisfied, found.satisfied]) {
      foldSameComments(side).slice(0, settings.top).forEach((group, k) => rows.push(themeRow(period, group, k)));
    }
  }
  return { grouping, scopes, rows };
}

const FOLD_SPARE = 3;

/**
 * Groups terms that stand in just the same comments (a fixed phrase such as 排队很久 +
 * 有待提升 + 响应速度): equal counts, z and quotes. The group keeps
 * the place of its first member and leads with its longest term.
 */
export function foldSameComments(themes: readonly Theme[]): Theme[][] {
  const groups = new Map<string, Theme[]>();
  for (const t of themes) {
    const key = JSON.stringify([t.docsDissatisfied, t.docsSatisfied, t.z, t.quotes]);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => [...b.term].length - [...a.term].length));
}

// Copies the published fields only; quotes are masked again so no path can skip it.
function themeRow(period: string, [t, ...also]: Theme[], k: number): ThemeRow {
  return {
    period,
    group: t.side,
    rank: k + 1,
    term: t.term,
    also: also.map((x) => x.term),
    docs: t.side === 'dissatisfied' ? t.docsDissatisfied : t.docsSatisfied,
    docs_dissatisfied: t.docsDissatisfied,
    docs_satisfied: t.docsSatisfied,
    z: t.z,
    examples: t.quotes.slice(0, QUOTES).map((q) => maskPii(q)),
  };
}

/** The themes of one period and group, strongest first. */
export function themesOf(themes: SurveyThemes, period: string, group: ThemeSide): ThemeRow[] {
  return themes.rows.filter((r) => r.period === period && r.group === group).sort((a, b) => a.rank - b.rank);
}
