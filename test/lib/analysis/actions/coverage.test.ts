import { describe, expect, it } from 'vitest';
import { suggestedTitle, uncoveredPainPoints, type ActionResult } from '../../../../src/lib/analysis/actions';
import type { DriverRow } from '../../../../src/lib/model/drivers';
import { config } from './fixture';

const driver = (question: string, quadrant: DriverRow['quadrant'], priority: number): DriverRow => ({
  period: '2026-Q4', segment: 'all', segment_value: 'all', question, r: 0.5, importance: 0.3, performance: 60, quadrant, priority, n: 100, r2: 0.4, unstable: false,
});
const action = (question: string, status: ActionResult['status'], donePeriod: string | null = null) => ({ question, status, done_period: donePeriod }) as ActionResult;

describe('coverage of pain points', () => {
  const rows = [driver('b', 'concentrate', 2), driver('a', 'concentrate', 1), driver('o', 'keep_up', 3)];

  it('lists "concentrate here" items no action targets, in priority order, with a suggested title', () => {
    const u = uncoveredPainPoints(rows, '2026-Q4', [], '2026-Q4', config);
    expect(u.map((r) => [r.question, r.priority, r.quadrant, r.scope])).toEqual([['a', 1, 'concentrate', '2026-Q4'], ['b', 2, 'concentrate', '2026-Q4']]);
    expect(u[0].suggestion).toEqual({ 'zh-CN': '提升响应速度', en: 'Improve response time' });
  });

  it('counts open actions and actions done in the latest period as coverage, not earlier or dropped ones', () => {
    const cases: [ActionResult, boolean][] = [
      [action('a', 'planned'), true],
      [action('a', 'in_progress'), true],
      [action('a', 'done', '2026-Q4'), true],
      [action('a', 'done', '2026-Q2'), false],
      [action('a', 'dropped'), false],
      [action('o', 'in_progress'), false],
    ];
    for (const [a, covers] of cases) {
      const left = uncoveredPainPoints(rows, '2026-Q4', [a], '2026-Q4', config).map((r) => r.question);
      expect(left.includes('a')).toBe(!covers);
      expect(left.includes('b')).toBe(true);
    }
  });

  it('finds nothing uncovered when the driver fit is unstable (no quadrants)', () => {
    const unstable = rows.map((r) => ({ ...r, quadrant: null, priority: null, unstable: true }));
    expect(uncoveredPainPoints(unstable, 'total', [], '2026-Q4', config)).toEqual([]);
  });

  it('keeps acronyms in the English suggestion', () => {
    const withAcronym = { ...config, questions: [{ ...config.questions[0], id: 'z', label: { 'zh-CN': 'NPS 推荐', en: 'NPS follow-up' } }] };
    expect(suggestedTitle(withAcronym, 'z')).toEqual({ 'zh-CN': '提升NPS 推荐', en: 'Improve NPS follow-up' });
  });
});
