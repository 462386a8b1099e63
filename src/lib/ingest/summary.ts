import type { Locale, SurveyConfig } from '../config';
import { BLANK_SEGMENT } from './rows';
import type { FileAccounting, RejectReason, RejectedRow, Responses } from './types';

/** What `validate` prints (and a data-quality page can show): counts, no personal data. */
export interface Summary {
  files: FileAccounting[];
  rowsRead: number;
  used: number;
  rejected: number;
  reasons: { reason: RejectReason; count: number; examples: RejectedRow[] }[];
  /** Every period in time order with its used rows (0 when all its rows were rejected). */
  periods: { period: string; rows: number }[];
  segments: { id: string; column: string; label: string; values: { value: string; rows: number }[] }[];
  questions: { id: string; column: string; label: string; missingRate: number }[];
}

export function summarize(responses: Responses, config: SurveyConfig, examples = 3, locale: Locale = config.locale): Summary {
  const a = responses.accounting;
  const reasons = (Object.entries(a.byReason) as [RejectReason, number][])
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([reason, count]) => ({ reason, count, examples: responses.rejected.filter((r) => r.reason === reason).slice(0, examples) }));
  const table = responses.table;
  const periodCounts = countValues(table.numRows() ? (table.array('period') as ArrayLike<string>) : []);
  return {
    files: a.files,
    rowsRead: a.rowsRead,
    used: a.used,
    rejected: a.rejected,
    reasons,
    periods: responses.periods.map((period) => ({ period, rows: periodCounts.get(period) ?? 0 })),
    segments: config.segments.map((s) => {
      const counts = countValues(table.numRows() ? (table.array(s.id) as ArrayLike<string>) : []);
      return { id: s.id, column: s.column, label: s.label[locale], values: orderSegmentValues([...counts.keys()], s.order).map((value) => ({ value, rows: counts.get(value) ?? 0 })) };
    }),
    questions: config.questions.map((q) => ({ id: q.id, column: q.column, label: q.label[locale], missingRate: a.missingRate[q.id] })),
  };
}

/** The survey's order first, then the rest by code point, the blank group last. */
export function orderSegmentValues(values: string[], order: string[]): string[] {
  const rank = (v: string) => (v === BLANK_SEGMENT ? Infinity : order.includes(v) ? order.indexOf(v) : order.length);
  return [...values].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
}

function countValues(values: ArrayLike<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return counts;
}
