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
import { findThemes, type CommentGroup, type SurveyComment, type Theme } from '../analysis/themes/themes';
import { maskPii } from '../analysis/themes/mask-pii';
import { commentGrouping, groupOf, type CommentGrouping } from './comment-groups';
import { TOTAL } from './cells';

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
}

export interface SurveyThemes {
  grouping: CommentGrouping;
  /** Each period in time order, then 'total'. */
  scopes: ThemeScope[];
  rows: ThemeRow[];
}

const QUOTES = 3;

/** The comments of the table, each with its period and group; blank comments left out. */
export function surveyComments(table: ColumnTable, config: SurveyConfig, grouping: CommentGrouping): SurveyComment[] {
  if (config.comments.length === 0) return [];
  const periods = table.array('period') as ArrayLike<string>;
  const rating = table.array(grouping.question) as ArrayLike<number>;
  const columns = config.comments.map((c) => table.array(c.id) as ArrayLike<string | null>);
  const out: SurveyComment[] = [];
  for (let i = 0; i < table.numRows(); i++) {
    const group = groupOf(grouping, rating[i]);
    for (const column of columns) {
      const text = column[i];
      if (typeof text === 'string' && text.trim() !== '') out.push({ text, group, period: periods[i] });
    }
  }
  return out;
}

/** Themes per period and over all periods, from the ingested responses table. */
export function surveyThemes(table: ColumnTable, periods: readonly string[], config: SurveyConfig): SurveyThemes {
  const grouping = commentGrouping(config);
  const comments = surveyComments(table, config, grouping);
  const settings = {
    locale: config.locale,
    dictionary: config.themes.dictionary,
    stopWords: config.themes.stopwords,
    minDocs: config.themes.minDocs,
    top: config.themes.top,
    quotes: QUOTES,
  };
  const scopes: ThemeScope[] = [];
  const rows: ThemeRow[] = [];
  for (const period of [...periods, TOTAL]) {
    // Ask for more than `top`: folding terms of the same comments leaves fewer.
    const found = findThemes(comments, { ...settings, top: settings.top * FOLD_SPARE, period: period === TOTAL ? undefined : period });
    scopes.push({ period, comments: { ...found.comments } });
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
