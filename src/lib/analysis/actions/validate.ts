import type { SurveyConfig } from '../../config/types';
import { CsatError } from '../../errors';
import { DATA_ERROR } from '../../ingest/decode';
import { closest } from '../../util/closest';
import { normalizeLabel } from '../../util/text';
import { actionMetric, actionMetricIds } from './action-metric';
import { matchActionHeader, type ActionColumn } from './columns';
import { readDate, readSegment, readTarget, type Read } from './fields';
import { parseStatus, STATUS_EXPECTED, STATUS_WORDS } from './status';
import type { Action, ActionsFile } from './types';

/**
 * Checks every row of actions.csv and collects every problem, each a CsatError naming the
 * file, the line, the column (its header name), what was found and what was expected. A row
 * with problems is left out. Unlike a response row, a bad action row is never skipped
 * silently: the tracker is short and hand-kept, so any problem stops the build (exit 2).
 */
export interface CheckedActions {
  actions: Action[];
  problems: CsatError[];
}

export function checkActions(input: ActionsFile, config: SurveyConfig, segmentValues: Record<string, readonly string[]>): CheckedActions {
  const { file, records } = input;
  const problems: CsatError[] = [];
  if (records.length === 0) return { actions: [], problems };
  const plan = matchActionHeader(records[0].fields, file, records[0].line);
  const width = plan.names.length;
  const metricIds = actionMetricIds(config);
  const firstLine = new Map<string, number>();
  const actions: Action[] = [];

  for (const { line, fields } of records.slice(1)) {
    if (fields.every((f) => f.trim() === '')) continue;
    if (fields.length > width ? fields.slice(width).some((f) => f.trim() !== '') : fields.length < width) {
      problems.push(new CsatError(`row has ${fields.length} fields; expected ${width} as in the header`, { file, line }, {
        exitCode: DATA_ERROR, hint: 'quote a value that holds a comma: "a, b"',
      }));
      continue;
    }
    const before = problems.length;
    const cell = (c: ActionColumn) => (plan.index[c] < 0 ? '' : fields[plan.index[c]] ?? '');
    const fail = (c: ActionColumn, problem: string, hint?: string) =>
      problems.push(new CsatError(problem, { file, line, column: plan.names[plan.index[c]] ?? c }, { exitCode: DATA_ERROR, hint }));
    const take = <T>(c: ActionColumn, r: Read<T>): T | undefined => {
      if (r.ok) return r.value;
      fail(c, r.problem, r.hint);
      return undefined;
    };
    const required = (c: ActionColumn, what: string): string => {
      const v = normalizeLabel(cell(c), false);
      if (v === '') fail(c, `${c} is blank; expected ${what}`);
      return v;
    };

    const id = required('id', 'an action id such as A01');
    if (id !== '') {
      const first = firstLine.get(id);
      if (first !== undefined) fail('id', `duplicate id "${id}"; first used on line ${first}`, 'give every action its own id');
      else firstLine.set(id, line);
    }
    const title = required('title', 'what the action does');

    const question = required('question', `the targeted metric: one of ${metricIds.join(', ')}`);
    const metric = question === '' ? undefined : actionMetric(config, question);
    if (question !== '' && !metric) {
      const near = closest(question, metricIds);
      fail('question', `unknown question "${question}"; expected one of ${metricIds.join(', ')}`, near && `did you mean "${near}"?`);
    }

    const segment = take('segment', readSegment(cell('segment'), config, segmentValues));

    const statusText = required('status', STATUS_EXPECTED);
    const status = statusText === '' ? undefined : parseStatus(statusText);
    if (statusText !== '' && !status) {
      const near = closest(statusText, STATUS_WORDS);
      fail('status', `unknown status "${statusText}"; expected ${STATUS_EXPECTED}`, near && `did you mean "${near}"?`);
    }

    const startText = required('start', 'a start date YYYY-MM-DD');
    const start = startText === '' ? undefined : take('start', readDate(startText));
    const dueText = cell('due').trim();
    const due = dueText === '' ? null : take('due', readDate(dueText));
    const doneText = cell('done').trim();
    const done = doneText === '' ? null : take('done', readDate(doneText));
    if (start && due && due < start) fail('due', `due date ${due} is before the start date ${start}`);
    if (start && done && done < start) fail('done', `done date ${done} is before the start date ${start}`);
    if (status === 'done' && doneText === '') fail('done', 'done is blank but the status is done; expected the date the action was completed', 'the before/after comparison starts after it');
    if (status && status !== 'done' && doneText !== '') {
      fail('done', `a done date (${doneText}) is given but the status is ${status}; expected a blank done date, or status done`);
    }

    const targetText = cell('target').trim();
    const target = targetText === '' || !metric ? null : take('target', readTarget(targetText, metric.range));

    if (problems.length > before) continue;
    actions.push({
      id, title, question, segment: segment!.segment, segment_value: segment!.value,
      owner: normalizeLabel(cell('owner'), false), status: status!, start: start!, due: due ?? null, done: done ?? null,
      target: target ?? null, notes: cell('notes').trim(), line,
    });
  }
  return { actions, problems };
}

/** The checked actions, or the first problem as one error saying how many more there are. */
export function parseActions(input: ActionsFile, config: SurveyConfig, segmentValues: Record<string, readonly string[]>): Action[] {
  const { actions, problems } = checkActions(input, config, segmentValues);
  if (problems.length === 0) return actions;
  const [first, ...rest] = problems;
  if (rest.length === 0) throw first;
  const shown = rest.slice(0, 5).map((p) => `line ${p.where.line}${p.where.column !== undefined ? ` "${p.where.column}"` : ''}`).join(', ');
  const more = `(and ${rest.length} more problem${rest.length > 1 ? 's' : ''}: ${shown}${rest.length > 5 ? ', …' : ''})`;
  throw new CsatError(`${first.message} ${more}`, first.where, { exitCode: DATA_ERROR, hint: first.hint });
}
