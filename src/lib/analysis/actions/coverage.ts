import type { SurveyConfig } from '../../config/types';
import type { DriverRow } from '../../model/drivers';
import { isOpen } from './status';
import type { ActionResult, UncoveredRow } from './types';

/**
 * Closing the loop: the "concentrate here" pain points that no action addresses. An action
 * covers a pain point when it targets that item (in any segment) and is open (planned or in
 * progress), or was done in the latest period, whose effect the data cannot show yet. A done
 * action from earlier no longer covers it: if the item is still a pain point, it needs a new one.
 */
export function uncoveredPainPoints(rows: readonly DriverRow[], scope: string, actions: readonly ActionResult[], latest: string, config: SurveyConfig): UncoveredRow[] {
  const covering = new Set(actions.filter((a) => isOpen(a.status) || (a.status === 'done' && a.done_period === latest)).map((a) => a.question));
  return rows
    .filter((r) => r.quadrant === 'concentrate' && !covering.has(r.question))
    .sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity))
    .map((r) => ({
      question: r.question, scope, quadrant: 'concentrate', priority: r.priority, importance: r.importance, performance: r.performance,
      suggestion: suggestedTitle(config, r.question),
    }));
}

/** "提升<item>" / "Improve <item>", from the item's label in each language. */
export function suggestedTitle(config: SurveyConfig, question: string): UncoveredRow['suggestion'] {
  const label = config.questions.find((q) => q.id === question)?.label ?? { 'zh-CN': question, en: question };
  // "Value for money" → "value for money", but an acronym such as "NPS" stays as written.
  const en = /^[A-Z][a-z]/.test(label.en) ? label.en.charAt(0).toLowerCase() + label.en.slice(1) : label.en;
  return { 'zh-CN': `提升${label['zh-CN']}`, en: `Improve ${en}` };
}
