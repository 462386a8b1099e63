import type { SurveyConfig } from '../config/types';
import { Z_95 } from '../metrics/distributions';
import { centredCross, levelCounts, type GroupStats, type StatsLayout } from './sufficient-stats';

export interface IndexEstimate {
  value: number;
  se: number;
  low: number;
  high: number;
  n: number;
  nEff: number;
}

/**
 * The weighted satisfaction index Σwᵢ·sᵢ / Σwᵢ over the indicator items' 0–100 scores
 * (items without answers in the cell drop out and the weights renormalise).
 *
 * Interval: delta method. The index is linear in the item means, so
 * Var = Σᵢⱼ cᵢcⱼ·Cov(x̄ᵢ, x̄ⱼ) with cᵢ = wᵢ/Σw · 100/(Kᵢ − 1). The diagonal is sᵢ²/n_effᵢ;
 * the covariances come from the pairwise-complete cross-products,
 * Cov(x̄ᵢ, x̄ⱼ) = Σ_both w(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) / (WᵢWⱼ) · n_ij/(n_ij − 1), times Kish's design
 * effect when weighted. With no missing answers and no weights this is exactly the variance
 * of the mean of the per-respondent index. Normal interval, clipped to 0–100.
 */
export function indexEstimate(s: GroupStats, layout: StatsLayout, config: SurveyConfig): IndexEstimate | null {
  const items: { pos: number; q: number; c: number; mean: number; W: number; variance: number }[] = [];
  const questions = config.questions;
  let weightSum = 0;
  layout.cross.forEach((q, pos) => {
    const question = questions[q];
    if (question.role !== 'indicator' || question.weight <= 0 || s.n[q] === 0) return;
    const counts = levelCounts(layout, s, q);
    let W = 0, sum = 0, sum2 = 0;
    counts.forEach((w, level) => {
      const x = question.scale.min + level;
      W += w; sum += w * x; sum2 += w * x * x;
    });
    const mean = sum / W;
    const nEff = (W * W) / s.w2[q];
    // Unbiased weighted variance (frequency-weight form, scaled by n_eff) divided by n_eff.
    const varX = nEff > 1 ? ((sum2 - W * mean * mean) / W) * (nEff / (nEff - 1)) : 0;
    weightSum += question.weight;
    items.push({ pos, q, c: question.weight * (100 / (question.scale.max - question.scale.min)), mean, W, variance: varX / nEff });
  });
  if (items.length === 0 || weightSum <= 0) return null;
  for (const it of items) it.c /= weightSum;
  const value = items.reduce((acc, it) => acc + it.c * (it.mean - questions[it.q].scale.min), 0);
  const deff = s.sumW > 0 ? (s.rows * s.sumW2) / (s.sumW * s.sumW) : 1;
  let variance = 0;
  for (let i = 0; i < items.length; i++) {
    variance += items[i].c * items[i].c * items[i].variance;
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i], b = items[j];
      const cross = centredCross(s, layout, a.pos, b.pos, a.mean, b.mean);
      if (cross.n < 2) continue;
      // n/(n − 1) makes the covariance unbiased, matching the diagonal's sᵢ²/nᵢ.
      variance += 2 * a.c * b.c * (cross.s / (a.W * b.W)) * (cross.n / (cross.n - 1)) * deff;
    }
  }
  const se = Math.sqrt(Math.max(0, variance));
  const nEff = s.sumW2 > 0 ? (s.sumW * s.sumW) / s.sumW2 : 0;
  return { value, se, low: Math.max(0, value - Z_95 * se), high: Math.min(100, value + Z_95 * se), n: s.rows, nEff };
}
