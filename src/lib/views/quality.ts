import type { SurveyConfig } from '../config/types';
import type { FileAccounting, RejectedRow, RejectReason } from '../ingest/types';
import { maskPii } from '../analysis/themes/mask-pii';
import { surveyPath } from '../util/survey-path';

/** The accounting per data file as published: each file named relative to the survey's folder (surveyPath). */
export function publishedFiles(files: readonly FileAccounting[], config: SurveyConfig): FileAccounting[] {
  return files.map((f) => ({ ...f, file: surveyPath(config.dir, f.file) }));
}

export interface RejectionSummary {
  reason: RejectReason;
  count: number;
  examples: { file: string; line: number; column: string; value?: string; expected: string }[];
}

/**
 * Rejections by reason with a few examples fit to publish: files named as in the files table (surveyPath),
 * personal data masked, and no value at all for identifier columns (ids are personal data).
 */
export function rejectionSummary(rejected: RejectedRow[], config: SurveyConfig, examples: number, expected = (r: RejectedRow) => r.expected): RejectionSummary[] {
  const personal = new Set([config.responses.id, config.responses.customer, ...config.comments.map((c) => c.column)].filter(Boolean) as string[]);
  const byReason = new Map<RejectReason, RejectionSummary>();
  for (const r of rejected) {
    let entry = byReason.get(r.reason);
    if (!entry) byReason.set(r.reason, (entry = { reason: r.reason, count: 0, examples: [] }));
    entry.count++;
    if (entry.examples.length < examples) {
      const hide = personal.has(r.column) || r.reason === 'duplicate id' || r.reason === 'missing id';
      entry.examples.push({ file: surveyPath(config.dir, r.file), line: r.line, column: r.column, value: hide ? undefined : maskPii(r.value.slice(0, 80)), expected: expected(r) });
    }
  }
  return [...byReason.values()].sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}
