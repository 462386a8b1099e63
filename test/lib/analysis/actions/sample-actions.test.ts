import { beforeAll, describe, expect, it } from 'vitest';
import { site, type Site } from '../../../../src/components/site';
import { actionCharts } from '../../../../src/components/action-chart';
import type { ActionResult } from '../../../../src/lib/analysis/actions';

/**
 * The sample survey's actions (data/actions.csv, planted by src/lib/sample/actions.ts): the
 * enterprise support channel moves its score, the UI refresh does not, the stability work is
 * overdue on the report date, and 价格合理性 is a pain point nobody works on.
 */
let s: Site;
let byId: Record<string, ActionResult>;
beforeAll(() => {
  delete process.env.REPORT_DATE;
  s = site();
  byId = Object.fromEntries(s.model.actions.map((a) => [a.id, a]));
});

describe('the sample actions', () => {
  it('reads all six rows, Chinese status included', () => {
    expect(s.model.actions.map((a) => [a.id, a.status])).toEqual([
      ['A01', 'done'], ['A02', 'done'], ['A03', 'in_progress'], ['A04', 'planned'], ['A05', 'dropped'], ['A06', 'in_progress'],
    ]);
    expect(s.model.reportDate).toBe('2026-12-31');
  });

  it('has an action whose metric moved significantly and one whose metric did not', () => {
    expect(byId.A01).toMatchObject({ segment: 'plan', segment_value: '企业版', state: 'compared', significant: true });
    expect(byId.A01.delta!).toBeGreaterThan(5);
    expect(byId.A02).toMatchObject({ state: 'compared', significant: false });
    expect(['no_after', 'not_started', 'dropped']).toEqual([byId.A03.state, byId.A04.state, byId.A05.state]);
  });

  it('marks the overdue action and lists the uncovered pain point with a suggestion', () => {
    expect(s.model.actions.filter((a) => a.overdue).map((a) => [a.id, a.days_overdue])).toEqual([['A06', 61]]);
    expect(s.model.uncovered.map((u) => [u.question, u.suggestion['zh-CN']])).toEqual([['q_pricing', '提升价格合理性']]);
  });

  it('renders a before/after chart for each action that started within the data', () => {
    for (const a of s.model.actions) {
      const charts = actionCharts(s, a);
      if (a.id === 'A04') expect(charts).toBeNull(); // starts in 2027-Q1, after the data
      else for (const svg of [charts!.svg, charts!.narrow]) expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    }
  });
});
