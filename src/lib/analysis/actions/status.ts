import { normalizeLabel } from '../../util/text';
import type { ActionStatus } from './types';

/**
 * Status words people write in an action tracker, in English and Chinese, mapped onto the
 * four states. Compared after NFKC, trimming and lower-casing, with spaces and hyphens read
 * as underscores (`In progress` = `in-progress` = `in_progress`).
 */
const ALIASES: Record<ActionStatus, readonly string[]> = {
  planned: ['planned', 'plan', 'not_started', 'to_do', 'todo', 'open', '计划', '计划中', '未开始', '待开始', '待启动', '规划中'],
  in_progress: ['in_progress', 'ongoing', 'started', 'doing', 'active', '进行中', '实施中', '执行中', '推进中', '已启动', '开展中'],
  done: ['done', 'completed', 'complete', 'finished', 'closed', '已完成', '完成', '已结束', '已关闭'],
  dropped: ['dropped', 'cancelled', 'canceled', 'abandoned', 'stopped', '已取消', '取消', '已放弃', '放弃', '已终止', '终止'],
};

const BY_WORD = new Map<string, ActionStatus>(
  (Object.entries(ALIASES) as [ActionStatus, readonly string[]][]).flatMap(([status, words]) => words.map((w) => [w, status] as const)),
);

/** The words accepted, for messages: the four ids and one Chinese label each. */
export const STATUS_EXPECTED = 'planned, in_progress, done or dropped (or 计划中, 进行中, 已完成, 已取消)';

/** Every accepted word, for "did you mean" hints. */
export const STATUS_WORDS: readonly string[] = [...BY_WORD.keys()];

export function statusKey(text: string): string {
  return normalizeLabel(text).replace(/[\s-]+/g, '_');
}

/** The status a cell names, or undefined. */
export function parseStatus(text: string): ActionStatus | undefined {
  return BY_WORD.get(statusKey(text));
}

/** Planned and in-progress actions are open: still to deliver. */
export const isOpen = (status: ActionStatus) => status === 'planned' || status === 'in_progress';
