import type { SurveyConfig } from '../config/types';
import { kishNEff } from '../metrics/cell-stats';
import { meanInterval } from '../metrics/mean-interval';
import { topTwoBoxShare } from '../metrics/top-box';
import { npsFromCell } from '../metrics/nps';
import { npsZTest, twoProportionZTest, welchTTest, type ChangeTest } from '../metrics/change-tests';
import { normalTwoSidedP, Z_95 } from '../metrics/distributions';
import { classifyCellSize } from '../metrics/small-cells';
import { questionCell, type GroupStats, type StatsLayout } from './sufficient-stats';
import { indexEstimate } from './index-estimate';
import type { MetricId, TestRow } from './types';

export type Comparison = Pick<TestRow, 'metric' | 'question' | 'from' | 'to' | 'delta' | 'delta_low' | 'delta_high' | 'test'> & { p: number | null };

/**
 * Every metric of `to` against `from` (a later period against an earlier one, or a segment
 * value against the rest). Suppressed cells are never tested.
 */
export function compareGroups(to: GroupStats, from: GroupStats, config: SurveyConfig, layout: StatsLayout): Comparison[] {
  const out: Comparison[] = [];
  const testable = (nEff: number) => classifyCellSize(nEff, config.thresholds) !== 'suppressed' && nEff > 1;
  const push = (metric: MetricId, question: string, test: Comparison['test'], a: number, b: number, t: ChangeTest) =>
    out.push({ metric, question, test, from: b, to: a, delta: t.delta, delta_low: t.low, delta_high: t.high, p: t.p });

  config.questions.forEach((q, i) => {
    const a = questionCell(layout, to, i);
    const b = questionCell(layout, from, i);
    if (!testable(kishNEff(a)) || !testable(kishNEff(b))) return;
    const nA = kishNEff(a), nB = kishNEff(b);
    if (q.role === 'indicator' || q.role === 'overall' || q.role === 'ces') {
      const ma = meanInterval(a, q.scale.min), mb = meanInterval(b, q.scale.min);
      if (ma && mb && ma.sd !== null && mb.sd !== null) {
        push(q.role === 'ces' ? 'ces' : 'mean', q.id, 'welch_t', ma.mean, mb.mean, welchTTest({ mean: ma.mean, sd: ma.sd, n: nA }, { mean: mb.mean, sd: mb.sd, n: nB }));
      }
    }
    if (q.role === 'indicator' || q.role === 'overall') {
      const pa = topTwoBoxShare(a), pb = topTwoBoxShare(b);
      if (pa !== null && pb !== null) push('top2', q.id, 'two_proportion_z', pa, pb, twoProportionZTest({ share: pa, n: nA }, { share: pb, n: nB }));
    }
    if (q.role === 'ces') {
      const share = (c: typeof a) => (c.counts[4] + c.counts[5] + c.counts[6]) / c.sumW;
      push('easy', q.id, 'two_proportion_z', share(a), share(b), twoProportionZTest({ share: share(a), n: nA }, { share: share(b), n: nB }));
    }
    if (q.role === 'nps') {
      const ra = npsFromCell(a), rb = npsFromCell(b);
      if (ra && rb) push('nps', q.id, 'nps_z', ra.nps, rb.nps, npsZTest({ nps: ra.nps, variance: ra.variance }, { nps: rb.nps, variance: rb.variance }));
    }
    if (q.role === 'outcome') {
      const positive = (q.positive ?? q.scale.max) - q.scale.min;
      const sa = a.counts[positive] / a.sumW, sb = b.counts[positive] / b.sumW;
      push('outcome', q.id, 'two_proportion_z', sa, sb, twoProportionZTest({ share: sa, n: nA }, { share: sb, n: nB }));
    }
  });

  const ia = indexEstimate(to, layout, config), ib = indexEstimate(from, layout, config);
  if (ia && ib && testable(ia.nEff) && testable(ib.nEff)) {
    const delta = ia.value - ib.value;
    const se = Math.sqrt(ia.se * ia.se + ib.se * ib.se);
    const z = se > 0 ? delta / se : null;
    out.push({
      metric: 'index', question: '', test: 'index_z', from: ib.value, to: ia.value, delta,
      delta_low: delta - Z_95 * se, delta_high: delta + Z_95 * se, p: z === null ? null : normalTwoSidedP(z),
    });
  }
  return out;
}
