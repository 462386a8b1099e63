import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/lib/model';

// The sample data (src/lib/sample) plants a service-quality drop for 企业版 in 2026-Q2
// (客服响应速度 and 客服专业能力 about one point lower) and keeps 易用性 stable.
describe('the metric model on the sample survey', () => {
  const m = loadModel(path.resolve('data/survey.yaml')).metrics;
  const change = (question: string, segment: string, value: string, to: string, metric = 'mean') =>
    m.changes.find((c) => c.period_to === to && c.question === question && c.segment === segment && c.segment_value === value && c.metric === metric)!;

  it('flags the planted service-quality drop as significant', () => {
    for (const q of ['q_response', 'q_expertise']) {
      const c = change(q, 'plan', '企业版', '2026-Q2');
      expect(c.significant).toBe(true);
      expect(c.delta).toBeLessThan(-0.5);
      expect(c.q).toBeLessThan(0.001);
    }
  });

  it('does not flag the stable item', () => {
    for (const to of m.periods.slice(1)) expect(change('q_usability', 'all', 'all', to).significant).toBe(false);
  });

  it('ranks the planted strong driver first, in the concentrate-here quadrant', () => {
    const top = m.drivers.filter((d) => d.period === m.latest && d.segment === 'all').sort((a, b) => a.priority! - b.priority!)[0];
    expect(top.question).toBe('q_response');
    expect(top.quadrant).toBe('concentrate');
    const all = m.drivers.filter((d) => d.period === m.latest && d.segment === 'all');
    expect(Math.max(...all.map((d) => d.importance!))).toBe(top.importance);
  });

  it('accounts for every row: read = used + rejected, with the planted rejections', () => {
    const a = m.accounting;
    expect(a.rowsRead).toBe(a.used + a.rejected);
    expect(a.byReason['duplicate id']).toBe(3);
    expect(a.byReason['unknown label']).toBe(5);
  });
});
