import { CsatError } from '../../errors';
import { DATA_ERROR } from '../../ingest/decode';
import { normalizeHeader } from '../../ingest/header';
import { closest } from '../../util/closest';

/**
 * The columns of actions.csv. Header names match after NFKC, trimming and lower-casing; each
 * column also answers to a Chinese name, so a tracker kept in Chinese reads as it is.
 * Columns not listed here (comments, links…) are ignored.
 */
export const ACTION_COLUMNS = {
  id: ['id', '编号', '序号'],
  title: ['title', '措施', '改进措施', '标题', '名称'],
  question: ['question', 'metric', '指标', '题目'],
  segment: ['segment', '细分', '范围'],
  owner: ['owner', '负责人', '责任人'],
  status: ['status', '状态'],
  start: ['start', '开始日期', '开始'],
  due: ['due', '截止日期', '计划完成日期', '截止'],
  done: ['done', '完成日期', '实际完成日期'],
  target: ['target', '目标值', '目标'],
  notes: ['notes', '备注', '说明'],
} as const;

export type ActionColumn = keyof typeof ACTION_COLUMNS;
export const REQUIRED_COLUMNS: readonly ActionColumn[] = ['id', 'title', 'question', 'status', 'start'];

/** Field index of each column (-1 when an optional one is absent) and the header names as written. */
export interface ActionColumnPlan {
  index: Record<ActionColumn, number>;
  names: string[];
}

export function matchActionHeader(fields: string[], file: string, line: number): ActionColumnPlan {
  const normalized = fields.map(normalizeHeader);
  const names = fields.map((f) => f.trim());
  const index = {} as Record<ActionColumn, number>;
  for (const [column, aliases] of Object.entries(ACTION_COLUMNS) as [ActionColumn, readonly string[]][]) {
    const hits = normalized.flatMap((n, i) => (aliases.includes(n) ? [i] : []));
    if (hits.length > 1) {
      throw new CsatError(`header names the ${column} column ${hits.length} times (fields ${hits.map((h) => h + 1).join(', ')}); expected it once`, { file, line, column: names[hits[1]] }, {
        exitCode: DATA_ERROR, hint: 'rename or remove the extra column',
      });
    }
    index[column] = hits[0] ?? -1;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    const near = closest(missing[0], normalized);
    throw new CsatError(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}; the header has: ${names.map((n) => `"${n}"`).join(', ')}`,
      { file, line },
      { exitCode: DATA_ERROR, hint: `actions.csv needs the columns ${REQUIRED_COLUMNS.join(', ')}${near ? `; closest header name: "${names[normalized.indexOf(near)]}"` : ''}` },
    );
  }
  return { index, names };
}
