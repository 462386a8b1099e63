import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../../src/lib/model/load-model';
import { actionWindows, periodOfDay } from '../../../../src/lib/analysis/actions';
import { actionsFile, config, HEADER, responses, type Row } from './fixture';

// Item a per quarter and plan. Plan x jumps after its action (done in Q3); plan y stays put.
const A: Record<string, Record<string, number[]>> = {
  '2026-Q1': { x: [1, 2, 3], y: [3, 3, 4] },
  '2026-Q2': { x: [2, 3, 4], y: [3, 4, 4] },
  '2026-Q3': { x: [5, 5, 5], y: [4, 4, 4] },
  '2026-Q4': { x: [3, 4, 5, 3, 4, 5], y: [3, 4, 3, 4, 4, 3] },
};
const rows: Row[] = Object.entries(A).flatMap(([period, byPlan]) =>
  Object.entries(byPlan).flatMap(([plan, values]) => values.map((a) => ({ period, plan, a, o: a }))),
);

const csv = `${HEADER}
J,Jump in x,a,plan=x,Ops,done,2026-07-10,2026-08-31,2026-09-01,80,
K,Whole base,a,,Ops,进行中,2026-05-01,2027-01-31,,,
C,CSAT in x,csat,plan=x,Ops,done,2026-07-10,,2026-09-01,,
P,Planned,a,,Ops,planned,2026-10-15,2026-11-30,,60,
D,Done last quarter,a,,Ops,done,2026-10-01,,2026-11-01,,
E,Started in the first quarter,a,,Ops,in_progress,2026-02-01,,,,
F,No answers,b,,Ops,in_progress,2026-05-01,,,,
X,Dropped,a,,Ops,dropped,2026-04-01,2026-05-01,,,
`;
const model = buildModel(config, responses(rows), { actions: actionsFile(csv) });
const byId = Object.fromEntries(model.actions.map((a) => [a.id, a]));

describe('before/after comparison of an action', () => {
  it('finds a known jump: Welch t on the pooled periods, in 0–100 score units', () => {
    const j = byId.J;
    expect([j.start_period, j.done_period]).toEqual(['2026-Q3', '2026-Q3']);
    expect(j.before_periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(j.after_periods).toEqual(['2026-Q4']);
    expect([j.n_before, j.n_after]).toEqual([6, 6]);
    // before x = 1,2,3,2,3,4 (mean 2.5 → 37.5), after x = 3,4,5,3,4,5 (mean 4 → 75); score = (mean − 1)·25.
    expect(j.before).toBeCloseTo(37.5, 10);
    expect(j.after).toBeCloseTo(75, 10);
    // scipy.stats.ttest_ind(after, before, equal_var=False): t = 2.66557, df = 9.7568, p = 0.0241464;
    // its confidence_interval(0.95) = (0.241906, 2.758094) points, ×25 = (6.047653, 68.952347).
    expect(j.delta).toBeCloseTo(37.5, 10);
    expect(j.delta_low).toBeCloseTo(6.047653456858609, 5);
    expect(j.delta_high).toBeCloseTo(68.9523465431414, 5);
    expect(j.p).toBeCloseTo(0.024146418897298908, 6);
    expect(j.significant).toBe(true);
    expect(j.state).toBe('compared');
    // Target 80 − after 75.
    expect(j.gap).toBeCloseTo(5, 10);
  });

  it('in progress: compares the periods after the start period, over every segment', () => {
    const k = byId.K;
    expect(k.before_periods).toEqual(['2026-Q1']);
    expect(k.after_periods).toEqual(['2026-Q3', '2026-Q4']);
    // scipy.stats.ttest_ind(Q3+Q4, Q1, equal_var=False): means 4.0 vs 2.6667, p = 0.0230019,
    // interval ×25 = (6.164648, 60.502019).
    expect(k.delta).toBeCloseTo(33.333333333333336, 10);
    expect(k.delta_low).toBeCloseTo(6.164647579884846, 5);
    expect(k.delta_high).toBeCloseTo(60.502019086781836, 5);
    expect(k.p).toBeCloseTo(0.02300193186886012, 6);
  });

  it('reads CSAT as % top-2-box with the two-proportion z test', () => {
    const c = byId.C;
    // top-2 (4–5) before 1/6, after 4/6; pooled z = 0.5/√(5/12·7/12·(2/6)) = 1.75662, p = 2·Φ(−z) = 0.0789826 (scipy.stats.norm.sf);
    // unpooled Wald interval 0.5 ± 1.96·√(1/6·5/6/6 + 4/6·2/6/6) = (0.019160, 0.980840) (z = 1.96 as Z_95 in distributions.ts).
    expect(c.before).toBeCloseTo(100 / 6, 10);
    expect(c.after).toBeCloseTo(400 / 6, 10);
    expect(c.delta).toBeCloseTo(50, 10);
    expect(c.delta_low).toBeCloseTo(1.915968616659497, 5);
    expect(c.delta_high).toBeCloseTo(98.0840313833405, 5);
    expect(c.p).toBeCloseTo(0.07898257926378292, 6);
    expect(c.significant).toBe(false);
  });

  it('says why there is no test', () => {
    expect(byId.P.state).toBe('not_started');
    expect(byId.X.state).toBe('dropped');
    expect(byId.D.state).toBe('no_after');
    expect(byId.E.state).toBe('no_before');
    expect(byId.F.state).toBe('too_few');
    for (const id of ['P', 'X', 'D', 'E', 'F']) expect([byId[id].delta, byId[id].p, byId[id].significant]).toEqual([null, null, null]);
  });

  it('gives the trend of the targeted metric in the action segment, and the gap to the latest value without an after', () => {
    expect(byId.J.trend.map((t) => [t.period, t.value])).toEqual([['2026-Q1', 25], ['2026-Q2', 50], ['2026-Q3', 100], ['2026-Q4', 75]]);
    // P has no after: gap = 60 − latest overall score; Q4 mean of a = 3.75 → 68.75.
    expect(byId.P.gap).toBeCloseTo(60 - 68.75, 10);
  });

  it('judges overdue on the report date (default: the last day of the latest period)', () => {
    expect(model.reportDate).toBe('2026-12-31');
    expect([byId.P.overdue, byId.P.days_overdue]).toEqual([true, 31]);
    expect(byId.J.overdue).toBe(false); // done (one day after its due date)
    expect(byId.X.overdue).toBe(false); // dropped
    expect(byId.K.overdue).toBe(false); // due 2027-01-31
    const early = buildModel(config, responses(rows), { actions: actionsFile(csv), reportDate: '2026-11-30' });
    expect(early.actions.find((a) => a.id === 'P')!.overdue).toBe(false);
  });

  it('leaves the model without actions when no file is given', () => {
    const m = buildModel(config, responses(rows));
    expect([m.actions, m.uncovered]).toEqual([[], []]);
  });
});

describe('action periods', () => {
  it('puts a calendar day in its period', () => {
    expect(periodOfDay('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOfDay('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOfDay('2026-12-31', 'month')).toBe('2026-12');
    expect(periodOfDay('2026-01-01', 'year')).toBe('2026');
  });

  it('never lets a period be both before and after, nor include the start or done period', () => {
    const periods = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
    for (const [start, done] of [['2026-Q1', '2026-Q2'], ['2026-Q2', '2026-Q2'], ['2025-Q4', '2026-Q4']] as const) {
      const w = actionWindows(periods, 'done', start, done);
      expect(w.before.every((p) => p < start)).toBe(true);
      expect(w.after.every((p) => p > done)).toBe(true);
      expect(w.before.length + w.after.length).toBe(periods.filter((p) => p < start || p > done).length);
    }
    expect(actionWindows(periods, 'planned', '2026-Q1', null)).toEqual({ before: [], after: [] });
  });
});
