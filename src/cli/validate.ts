import { displayPath, type SurveyConfig } from '../lib/config';
import { CsatError } from '../lib/errors';
import { ingestResponses } from '../lib/ingest';
import { summarize, type Summary } from '../lib/ingest/summary';
import { readActionsFile } from '../lib/ingest/actions';
import { ingestTransactions, type Transactions } from '../lib/ingest/transactions';
import { ACTION_STATUSES, parseActions, type Action } from '../lib/analysis/actions';
import { EXIT, loadConfigForCli, runIfMain, type CliArgs, type CliCommand, type CliIo } from './run';

/**
 * `npm run validate [-- --config path] [--as-of YYYY-MM-DD]`: checks the survey definition
 * and the responses, prints the row accounting, and exits 0 when the data is usable.
 * Prints no response id, customer id or comment of a rejected row; example values are the
 * offending cell only, with e-mail addresses and phone numbers masked.
 */
export async function validate(args: CliArgs, io: CliIo): Promise<number> {
  const config = loadConfigForCli(args.config, io.env);
  const asOf = parseAsOf(args.flags['as-of']);
  const responses = ingestResponses(config, { asOf });
  const summary = summarize(responses, config);
  const lines = formatSummary(summary, config);
  const result = lines.pop()!;
  for (const line of lines) io.out(line);
  // The other inputs, checked the way the build reads them (a problem there is fatal too).
  if (config.actions) {
    const file = readActionsFile(config.actions.file);
    const segmentValues = Object.fromEntries(summary.segments.map((s) => [s.id, s.values.map((v) => v.value)]));
    for (const line of formatActions(file.file, parseActions(file, config, segmentValues))) io.out(line);
  }
  const transactions = ingestTransactions(config);
  if (transactions) for (const line of formatTransactions(transactions)) io.out(line);
  io.out(result);
  if (summary.used === 0) {
    const first = responses.rejected[0];
    throw new CsatError(`no usable rows: all ${summary.rowsRead} rows read were rejected, the first one here`, { file: first?.file, line: first?.line }, {
      exitCode: EXIT.data,
      hint: 'see the reasons above',
    });
  }
  return EXIT.ok;
}

function parseAsOf(value: string | true | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) ? new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new CsatError(`--as-of "${value}" is not a date`, {}, { exitCode: EXIT.usage, hint: 'expected YYYY-MM-DD or an ISO 8601 time' });
  return date;
}

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function formatSummary(s: Summary, config: SurveyConfig): string[] {
  const lines: string[] = [];
  lines.push(`survey: ${config.title[config.locale]} (${displayPath(config.path)})`);
  lines.push(`files: ${s.files.length}`);
  const width = Math.max(...s.files.map((f) => f.file.length));
  for (const f of s.files) {
    lines.push(`  ${f.file.padEnd(width)}  ${f.encoding}, ${DELIMITER_NAMES[f.delimiter] ?? f.delimiter}  read ${count(f.rowsRead)}: used ${count(f.used)}, rejected ${count(f.rejected)}`);
  }
  lines.push(`rows: read ${count(s.rowsRead)} = used ${count(s.used)} + rejected ${count(s.rejected)}`);
  if (s.reasons.length) {
    lines.push('rejected by reason:');
    for (const r of s.reasons) {
      lines.push(`  ${r.reason}: ${count(r.count)}`);
      for (const x of r.examples) {
        const shown = r.reason === 'duplicate id' || r.reason === 'missing id' ? '' : ` ${x.value === '' ? '(empty)' : JSON.stringify(x.value)};`;
        lines.push(`    ${x.file}:${x.line} column "${x.column}":${shown} expected ${x.expected}`);
      }
    }
  }
  lines.push(`periods (${config.period === 'none' ? 'no date column' : `by ${config.period}, ${config.timezone}`}; rows used):`);
  for (const p of s.periods) lines.push(`  ${p.period}  ${count(p.rows)}`);
  if (s.segments.length) {
    lines.push('segments (rows used):');
    for (const seg of s.segments) lines.push(`  ${seg.id} (${seg.column}): ${seg.values.map((v) => `${v.value} ${count(v.rows)}`).join(' · ')}`);
  }
  lines.push('missing answers (share of used rows):');
  const idWidth = Math.max(...s.questions.map((q) => q.id.length));
  for (const q of s.questions) lines.push(`  ${q.id.padEnd(idWidth)}  ${percent(q.missingRate).padStart(6)}  ${q.column}`);
  lines.push(s.used > 0 ? 'result: usable' : 'result: not usable');
  return lines;
}

export function formatActions(file: string, actions: Action[]): string[] {
  const byStatus = ACTION_STATUSES.map((s) => [s, actions.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
  return [`actions: ${file}  ${count(actions.length)} (${byStatus.map(([s, n]) => `${s} ${n}`).join(', ') || 'none'})`];
}

export function formatTransactions(t: Transactions): string[] {
  const a = t.accounting;
  const what = t.kind === 'summary' ? 'customer summaries' : 'purchases';
  const lines = [`transactions (${what}): ${a.file}  ${a.encoding}, ${DELIMITER_NAMES[a.delimiter] ?? a.delimiter}  read ${count(a.rowsRead)} = used ${count(a.used)} + rejected ${count(a.rejected)}`];
  for (const [reason, n] of Object.entries(a.byReason).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
    lines.push(`  ${reason}: ${count(n)}`);
    for (const x of t.rejected.filter((r) => r.reason === reason).slice(0, 3)) {
      const shown = x.value === '' ? '' : ` ${JSON.stringify(x.value)};`;
      lines.push(`    ${x.file}:${x.line} column "${x.column}":${shown} expected ${x.expected}`);
    }
  }
  return lines;
}

export const cli: CliCommand = { run: validate, options: ['as-of'] };
runIfMain(import.meta.url, cli);
