/**
 * Who counts as a dissatisfied or a satisfied respondent for the comment themes, from the
 * survey definition (themes.dissatisfied):
 *
 * - `detractors`: the NPS item (role nps): detractors 0–6 against promoters 9–10.
 * - `bottom2`: the overall rating: drivers.outcome when it is the overall item, else the
 *   first item with role overall, else drivers.outcome whatever it is. On that item:
 *   a yes/no outcome splits into not-positive / positive; an NPS item into detractors /
 *   promoters; any other scale into its two lowest / two highest levels (one each on a
 *   scale of 2 or 3 levels, so the boxes never overlap).
 *
 * Everyone else, and anyone without a valid answer on the item, is 'other'.
 */
import type { Question, SurveyConfig } from '../config/types';
import type { CommentGroup } from '../analysis/themes/themes';

export interface CommentGrouping {
  /** The question the groups are read from. */
  question: string;
  /** How: bottom/top box of a rating, detractors/promoters, or a yes/no outcome. */
  rule: 'box' | 'nps' | 'yesno';
  /** Scale values of each side. */
  dissatisfied: number[];
  satisfied: number[];
}

export function commentGrouping(config: SurveyConfig): CommentGrouping {
  const question = groupingQuestion(config);
  const { min, points } = question.scale;
  const levels = Array.from({ length: points }, (_, i) => min + i);
  if (question.role === 'nps') {
    if (points !== 11) throw new Error(`themes: NPS question "${question.id}" has ${points} levels; detractors and promoters need 11 (0–10)`);
    return { question: question.id, rule: 'nps', dissatisfied: levels.slice(0, 7), satisfied: levels.slice(9) };
  }
  if (question.role === 'outcome' && points === 2) {
    const positive = question.positive ?? min + 1;
    return { question: question.id, rule: 'yesno', dissatisfied: levels.filter((v) => v !== positive), satisfied: [positive] };
  }
  if (points < 2) throw new Error(`themes: question "${question.id}" has ${points} level; needs at least 2 to tell dissatisfied from satisfied`);
  const box = points >= 4 ? 2 : 1;
  return { question: question.id, rule: 'box', dissatisfied: levels.slice(0, box), satisfied: levels.slice(points - box) };
}

function groupingQuestion(config: SurveyConfig): Question {
  const { questions } = config;
  if (config.themes.dissatisfied === 'detractors') {
    const nps = questions.find((q) => q.role === 'nps');
    if (!nps) throw new Error('themes: dissatisfied is "detractors" but no question has role nps; use bottom2 or add the NPS item');
    return nps;
  }
  const outcome = questions.find((q) => q.id === config.drivers.outcome);
  const chosen = outcome?.role === 'overall' ? outcome : questions.find((q) => q.role === 'overall') ?? outcome;
  if (!chosen) throw new Error('themes: no overall item and no drivers.outcome to tell dissatisfied from satisfied respondents; add a question with role overall');
  return chosen;
}

/** The group of one answer (NaN = no valid answer → 'other'). */
export function groupOf(grouping: CommentGrouping, value: number): CommentGroup {
  if (grouping.dissatisfied.includes(value)) return 'dissatisfied';
  if (grouping.satisfied.includes(value)) return 'satisfied';
  return 'other';
}
