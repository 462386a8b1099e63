import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/lib/model/load-model';
import { cellLookup } from '../../../src/lib/views/cell-lookup';

/** The keyed lookup must answer exactly what a linear find over the tables answers (the oracle). */
describe('cellLookup', () => {
  const m = loadModel(path.resolve('data/survey.yaml')).metrics;
  const cells = cellLookup(m);
  const inCell = (p: string, s: string, v: string) => (r: { period: string; segment: string; segment_value: string }) => r.period === p && r.segment === s && r.segment_value === v;

  it('finds every row of every table, and the same row as find()', () => {
    for (const r of m.index) expect(cells.index(r.period, r.segment, r.segment_value)).toBe(m.index.find(inCell(r.period, r.segment, r.segment_value)));
    for (const r of m.scores) expect(cells.score(r.period, r.segment, r.segment_value, r.question)).toBe(m.scores.find((s) => inCell(r.period, r.segment, r.segment_value)(s) && s.question === r.question));
    for (const r of m.nps) expect(cells.nps(r.period, r.segment, r.segment_value)).toBe(m.nps.find(inCell(r.period, r.segment, r.segment_value)));
    for (const r of m.ces) expect(cells.ces(r.period, r.segment, r.segment_value)).toBe(m.ces.find(inCell(r.period, r.segment, r.segment_value)));
    for (const c of m.changes) expect(cells.change(c.period_to, c.segment, c.segment_value, c.metric, c.question)).toBe(m.changes.find((x) => x.period_to === c.period_to && x.segment === c.segment && x.segment_value === c.segment_value && x.metric === c.metric && x.question === c.question));
    for (const g of m.gaps) {
      const same = (x: typeof g) => x.period === g.period && x.segment === g.segment && x.segment_value === g.segment_value && x.metric === g.metric;
      expect(cells.gap(g.period, g.segment, g.segment_value, g.metric, g.question)).toBe(m.gaps.find((x) => same(x) && x.question === g.question));
      expect(cells.gap(g.period, g.segment, g.segment_value, g.metric)).toBe(m.gaps.find(same));
    }
    expect(m.scores.length).toBeGreaterThan(1000);
  });

  it('answers undefined for a cell that does not exist, and indexes a metrics object once', () => {
    expect(cells.index('1999-Q1', 'all', 'all')).toBeUndefined();
    expect(cells.score(m.latest, 'all', 'all', 'no-such-question')).toBeUndefined();
    expect(cellLookup(m)).toBe(cells);
  });
});
