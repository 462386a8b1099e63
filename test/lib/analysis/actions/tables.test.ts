import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../../src/lib/model/load-model';
import { metricTables } from '../../../../src/lib/tables/metric-tables';
import { actionsFile, config, HEADER, responses } from './fixture';

const rows = ['2026-Q1', '2026-Q2', '2026-Q3'].flatMap((period, k) => [1, 2, 3, 4, 5, 3].map((a, i) => ({ period, plan: i % 2 ? 'x' : 'y', a: Math.min(5, a + k), b: 6 - a, o: a })));

describe('actions output tables', () => {
  const model = buildModel(config, responses(rows), {
    actions: actionsFile(`${HEADER}\nA1,Faster,a,plan=x,Ops,done,2026-04-01,2026-05-01,2026-05-20,90,n\n`),
  });
  const tables = metricTables(model);

  it('writes actions with the contract columns, the segment as segment=value, numbers rounded at the edge', () => {
    const t = tables.find((x) => x.name === 'actions')!;
    expect(t.columns).toEqual(['id', 'title', 'question', 'segment', 'owner', 'status', 'start', 'due', 'done', 'target', 'before', 'after', 'delta', 'delta_low', 'delta_high', 'p', 'significant', 'overdue', 'gap']);
    expect(t.rows[0]).toMatchObject({ id: 'A1', segment: 'plan=x', status: 'done', start: '2026-04-01', done: '2026-05-20', target: 90, overdue: false });
    // x in Q1: 2,4,3 (mean 3 → 50); Q3: 4,5,5 (mean 14/3 → 91.666667).
    expect(t.rows[0].before).toBe(50);
    expect(t.rows[0].after).toBe(91.666667);
  });

  it('writes uncovered with its columns, and neither table without an actions file', () => {
    expect(tables.find((x) => x.name === 'uncovered')!.columns).toEqual(['question', 'quadrant', 'priority', 'suggestion']);
    const none = metricTables(buildModel({ ...config, actions: undefined }, responses(rows)));
    expect(none.map((x) => x.name)).not.toContain('actions');
  });
});
