import type { CommentGroup } from '../analysis/themes/themes';
import type { SurveyConfig, Locale } from '../config/types';
import type { CommentGrouping } from '../model/comment-groups';
import { TOTAL } from '../model/cells';
import { themesOf, type SurveyThemes, type ThemeRow } from '../model/themes';

/** |z| at or above this marks a theme as clearly more frequent in one group (two-sided 5%). */
export const CLEAR_Z = 1.959963984540054;

export interface ThemeView {
  period: string;
  comments: Record<CommentGroup, number>;
  dissatisfied: ThemeRow[];
  satisfied: ThemeRow[];
  /** A group has fewer comments than the suppression threshold: no themes shown. */
  tooFew: boolean;
}

/** The top `count` themes of each group in one scope, or none when a group has too few comments. */
export function themeView(themes: SurveyThemes, period: string, count: number, minComments: number): ThemeView {
  const comments = themes.scopes.find((s) => s.period === period)?.comments ?? { dissatisfied: 0, satisfied: 0, other: 0 };
  const tooFew = comments.dissatisfied < minComments || comments.satisfied < minComments;
  const top = (group: 'dissatisfied' | 'satisfied') => (tooFew ? [] : themesOf(themes, period, group).slice(0, count));
  return { period, comments, dissatisfied: top('dissatisfied'), satisfied: top('satisfied'), tooFew };
}

/** Scopes to show: all periods together first, then each period, latest first (none when there is one). */
export function themeScopes(periods: readonly string[]): string[] {
  return periods.length > 1 ? [TOTAL, ...[...periods].reverse()] : [TOTAL];
}

/**
 * The answers of each group on the grouping item, as shown to readers: "1–2" for a run
 * of levels, labels for a yes/no item ("否").
 */
export function groupValues(config: SurveyConfig, grouping: CommentGrouping, locale: Locale): { question: string; dissatisfied: string; satisfied: string } {
  const q = config.questions.find((x) => x.id === grouping.question);
  const label = (v: number) => (grouping.rule === 'yesno' && q ? q.scale.levelLabels[locale][v - q.scale.min] ?? String(v) : String(v));
  const show = (values: number[]) => {
    const contiguous = values.every((v, i) => i === 0 || v === values[i - 1] + 1);
    return values.length > 1 && contiguous && grouping.rule !== 'yesno' ? `${label(values[0])}–${label(values[values.length - 1])}` : values.map(label).join(', ');
  };
  return { question: q?.label[locale] ?? grouping.question, dissatisfied: show(grouping.dissatisfied), satisfied: show(grouping.satisfied) };
}
