import type { Question, SurveyConfig } from '../config/types';
import { kishNEff, type CellStats } from '../metrics/cell-stats';
import { meanInterval } from '../metrics/mean-interval';
import { bottomTwoBoxInterval, topTwoBoxInterval } from '../metrics/top-box';
import { npsFromCell } from '../metrics/nps';
import { ces } from '../metrics/ces';
import { wilsonFromShare } from '../metrics/wilson';
import { classifyCellSize } from '../metrics/small-cells';
import type { Cell } from './cells';
import { questionCell, type StatsLayout } from './sufficient-stats';
import { indexEstimate } from './index-estimate';
import type { CellBase, CesRow, IndexRow, NpsRow, OutcomeRow, ScoreRow } from './types';

/** All rows of one cell (period × segment value), suppressed figures nulled. */
export interface CellRows {
  scores: ScoreRow[];
  index?: IndexRow;
  nps?: NpsRow;
  ces?: CesRow;
  outcomes: OutcomeRow[];
}

export function base(cell: Cell, n: number, nEff: number, config: SurveyConfig): CellBase {
  const size = classifyCellSize(nEff, config.thresholds);
  return {
    period: cell.period, segment: cell.segment, segment_value: cell.segmentValue,
    n, n_eff: nEff, suppressed: size === 'suppressed', directional: size === 'directional',
  };
}

const keep = <T>(b: CellBase, value: T): T | null => (b.suppressed ? null : value);

export function scoreRow(cell: Cell, q: Question, stats: CellStats, config: SurveyConfig): ScoreRow {
  const b = base(cell, stats.n, kishNEff(stats), config);
  const m = stats.n > 0 ? meanInterval(stats, q.scale.min) : null;
  const boxes = q.scale.points >= 3 && stats.n > 0;
  const top = boxes ? topTwoBoxInterval(stats) : null;
  const bottom = boxes ? bottomTwoBoxInterval(stats) : null;
  const score = m ? ((m.mean - q.scale.min) / (q.scale.max - q.scale.min)) * 100 : null;
  return {
    ...b, question: q.id, missing: cell.stats.rows - stats.n,
    mean: keep(b, m?.mean ?? null), mean_low: keep(b, m?.low ?? null), mean_high: keep(b, m?.high ?? null), sd: keep(b, m?.sd ?? null),
    top2: keep(b, top?.estimate ?? null), top2_low: keep(b, top?.low ?? null), top2_high: keep(b, top?.high ?? null),
    bottom2: keep(b, bottom?.estimate ?? null), bottom2_low: keep(b, bottom?.low ?? null), bottom2_high: keep(b, bottom?.high ?? null),
    score100: keep(b, score),
    counts: b.suppressed ? stats.counts.map(() => 0) : stats.counts,
  };
}

export function deriveCell(cell: Cell, config: SurveyConfig, layout: StatsLayout): CellRows {
  const rows: CellRows = { scores: [], outcomes: [] };
  config.questions.forEach((q, i) => {
    const stats = questionCell(layout, cell.stats, i);
    if (q.role === 'indicator' || q.role === 'overall' || q.role === 'ces' || q.role === 'nps') {
      rows.scores.push(scoreRow(cell, q, stats, config));
    }
    if (q.role === 'nps') rows.nps = npsRow(cell, q, stats, config);
    if (q.role === 'ces') rows.ces = cesRow(cell, q, stats, config);
    if (q.role === 'outcome') rows.outcomes.push(outcomeRow(cell, q, stats, config));
  });
  const idx = indexEstimate(cell.stats, layout, config);
  if (idx) {
    const b = base(cell, idx.n, idx.nEff, config);
    rows.index = { ...b, value: keep(b, idx.value), low: keep(b, idx.low), high: keep(b, idx.high), se: keep(b, idx.se) };
  }
  return rows;
}

function npsRow(cell: Cell, q: Question, stats: CellStats, config: SurveyConfig): NpsRow {
  const r = npsFromCell(stats);
  const b = base(cell, stats.n, kishNEff(stats), config);
  return {
    ...b, question: q.id,
    promoters: b.suppressed ? 0 : r?.promoters ?? 0, passives: b.suppressed ? 0 : r?.passives ?? 0, detractors: b.suppressed ? 0 : r?.detractors ?? 0,
    promoters_share: keep(b, r?.promoterShare ?? null), passives_share: keep(b, r?.passiveShare ?? null), detractors_share: keep(b, r?.detractorShare ?? null),
    nps: keep(b, r?.nps ?? null), low: keep(b, r?.low ?? null), high: keep(b, r?.high ?? null),
  };
}

function cesRow(cell: Cell, q: Question, stats: CellStats, config: SurveyConfig): CesRow {
  const r = stats.n > 0 ? ces(stats) : null;
  const b = base(cell, stats.n, kishNEff(stats), config);
  return {
    ...b, question: q.id,
    mean: keep(b, r?.mean.mean ?? null), mean_low: keep(b, r?.mean.low ?? null), mean_high: keep(b, r?.mean.high ?? null),
    easy: keep(b, r?.easyShare.estimate ?? null), easy_low: keep(b, r?.easyShare.low ?? null), easy_high: keep(b, r?.easyShare.high ?? null),
  };
}

function outcomeRow(cell: Cell, q: Question, stats: CellStats, config: SurveyConfig): OutcomeRow {
  const b = base(cell, stats.n, kishNEff(stats), config);
  const positive = stats.counts[(q.positive ?? q.scale.max) - q.scale.min];
  const r = stats.sumW > 0 ? wilsonFromShare(positive / stats.sumW, kishNEff(stats)) : null;
  return { ...b, question: q.id, share: keep(b, r?.estimate ?? null), low: keep(b, r?.low ?? null), high: keep(b, r?.high ?? null) };
}
