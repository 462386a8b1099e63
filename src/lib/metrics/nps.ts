/**
 * Net Promoter Score from a 0–10 item: promoters 9–10, passives 7–8, detractors 0–6;
 * NPS = 100·(promoters − detractors)/n, in −100..100.
 *
 * Interval: adjusted Wald (Rocks 2016, "Interval estimation for the 'Net Promoter
 * Score'", The American Statistician 70(4)): n′ = n + 3, p′ = (P + ¾)/n′,
 * d′ = (D + ¾)/n′, Var(NPS/100) = (p′ + d′ − (p′ − d′)²)/n′, interval
 * 100·(p′ − d′) ± 100·z·√Var, clipped to ±100. Like other adjusted-Wald intervals it is
 * centred on the adjusted estimate, while the reported NPS is the plain one. With
 * weights, shares come from weighted counts and n is the Kish n_eff.
 */
import { Z_95 } from './distributions';
import { kishNEff, type CellStats } from './cell-stats';

export interface NpsCounts {
  /** (Weighted) count of answers 9–10. */
  promoters: number;
  /** (Weighted) count of answers 7–8. */
  passives: number;
  /** (Weighted) count of answers 0–6. */
  detractors: number;
}

export interface NpsResult extends NpsCounts {
  /** promoters + passives + detractors (Σw when weighted). */
  total: number;
  /** Sample size used in the interval (Kish n_eff when weighted, else total). */
  nEff: number;
  promoterShare: number;
  passiveShare: number;
  detractorShare: number;
  /** 100·(promoterShare − detractorShare). */
  nps: number;
  /** Centre of the adjusted-Wald interval, 100·(p′ − d′). */
  adjustedNps: number;
  /** Adjusted-Wald variance of the NPS in NPS points² (100²·Var), for change tests. */
  variance: number;
  /** √variance, in NPS points. */
  se: number;
  low: number;
  high: number;
}

/** Promoter / passive / detractor counts of a cell on the 0–10 scale (11 levels, min 0). */
export function npsCountsFromCell(cell: CellStats): NpsCounts {
  if (cell.counts.length !== 11) {
    throw new RangeError(`nps: needs a 0–10 scale (11 levels), got ${cell.counts.length} levels`);
  }
  let detractors = 0;
  for (let level = 0; level <= 6; level++) detractors += cell.counts[level];
  return {
    promoters: cell.counts[9] + cell.counts[10],
    passives: cell.counts[7] + cell.counts[8],
    detractors,
  };
}

/** NPS with its adjusted-Wald interval; nEff defaults to the total (unweighted counts). */
export function nps(counts: NpsCounts, nEff?: number, z: number = Z_95): NpsResult | null {
  const { promoters, passives, detractors } = counts;
  for (const [name, value] of [['promoters', promoters], ['passives', passives], ['detractors', detractors]] as const) {
    if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`nps: ${name} must be a finite count >= 0, got ${value}`);
  }
  const total = promoters + passives + detractors;
  if (!(total > 0)) return null;
  const n = nEff ?? total;
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`nps: nEff must be a finite number > 0, got ${nEff}`);
  const promoterShare = promoters / total;
  const detractorShare = detractors / total;
  const nAdjusted = n + 3;
  const p = (promoterShare * n + 0.75) / nAdjusted;
  const d = (detractorShare * n + 0.75) / nAdjusted;
  const varianceOfShareDifference = (p + d - (p - d) * (p - d)) / nAdjusted;
  const adjustedNps = 100 * (p - d);
  const se = 100 * Math.sqrt(varianceOfShareDifference);
  return {
    promoters,
    passives,
    detractors,
    total,
    nEff: n,
    promoterShare,
    passiveShare: passives / total,
    detractorShare,
    nps: 100 * (promoterShare - detractorShare),
    adjustedNps,
    variance: se * se,
    se,
    low: Math.max(-100, adjustedNps - z * se),
    high: Math.min(100, adjustedNps + z * se),
  };
}

/** NPS of a 0–10 cell, weighted shares and Kish n_eff; null for an empty cell. */
export function npsFromCell(cell: CellStats, z: number = Z_95): NpsResult | null {
  if (!(cell.sumW > 0)) return null;
  return nps(npsCountsFromCell(cell), kishNEff(cell), z);
}
