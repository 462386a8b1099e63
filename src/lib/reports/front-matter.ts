import { z } from 'zod';
import { CsatError } from '../errors';
import { DATA_ERROR } from '../ingest/decode';

/**
 * The front matter of a narrative report (content/reports/*.mdx). Unknown keys are errors,
 * like everywhere else in the survey's own files: a typo must not pass silently.
 */
export const reportFrontMatter = z
  .object({
    title: z.string().min(1),
    period: z.string().regex(/^(\d{4}(-Q[1-4]|-\d{2})?|all)$/, 'a period label such as 2026-Q3, 2026-07 or 2026'),
    summary: z.string().min(1),
    draft: z.boolean().default(false),
  })
  .strict();

export type ReportFrontMatter = z.infer<typeof reportFrontMatter>;

/**
 * The checked front matter, or a CsatError naming the file, the line of the field (found in
 * `source`, the file's text), what was found and what was expected.
 */
export function checkFrontMatter(file: string, data: unknown, source = ''): ReportFrontMatter {
  const parsed = reportFrontMatter.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
  const found = issue.path.length > 0 ? valueAt(data, issue.path) : undefined;
  const what = issue.code === 'unrecognized_keys' ? `unknown key ${field}` : `${field}: ${found === undefined ? 'missing' : JSON.stringify(found)}`;
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
  throw new CsatError(`front matter: ${what}`, { file, line: lineOf(source, key) }, { hint: `expected ${expectation(issue)}`, exitCode: DATA_ERROR });
}

/** The line of `key:` in the front matter block at the top of `source` (1-based), else the opening ---. */
function lineOf(source: string, key: string): number | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  for (let i = 1; i < lines.length && lines[i].trim() !== '---'; i++) if (key && new RegExp(`^${key.replace(/[^\w-]/g, '')}\\s*:`).test(lines[i])) return i + 1;
  return 1;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

function expectation(issue: z.ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'only title, period, summary and draft';
  if (issue.code === 'invalid_type') return issue.expected === 'string' ? 'a text' : issue.expected === 'boolean' ? 'true or false' : issue.expected;
  if (issue.code === 'too_small') return 'a non-empty text';
  return issue.message;
}
