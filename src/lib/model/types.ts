/**
 * The rows of the metric model: what the site, the CLI tables and the downloads read.
 * Keys follow the metric-table contract (lower_snake_case, `segment = all` for overall rows).
 * Estimates are null when the cell is suppressed (n below the suppression threshold).
 */
export type CellFlag = 'suppressed' | 'directional' | 'ok';

export interface CellKey {
  period: string;
  segment: string;
  segment_value: string;
}

export interface CellBase extends CellKey {
  n: number;
  n_eff: number;
  suppressed: boolean;
  directional: boolean;
}

export interface ScoreRow extends CellBase {
  question: string;
  missing: number;
  mean: number | null;
  mean_low: number | null;
  mean_high: number | null;
  sd: number | null;
  top2: number | null;
  top2_low: number | null;
  top2_high: number | null;
  bottom2: number | null;
  bottom2_low: number | null;
  bottom2_high: number | null;
  score100: number | null;
  /** Weighted count per scale level, lowest level first. */
  counts: number[];
}

export interface IndexRow extends CellBase {
  value: number | null;
  low: number | null;
  high: number | null;
  se: number | null;
}

export interface NpsRow extends CellBase {
  question: string;
  promoters: number;
  passives: number;
  detractors: number;
  promoters_share: number | null;
  passives_share: number | null;
  detractors_share: number | null;
  nps: number | null;
  low: number | null;
  high: number | null;
}

export interface CesRow extends CellBase {
  question: string;
  mean: number | null;
  mean_low: number | null;
  mean_high: number | null;
  easy: number | null;
  easy_low: number | null;
  easy_high: number | null;
}

export interface OutcomeRow extends CellBase {
  question: string;
  share: number | null;
  low: number | null;
  high: number | null;
}

/** A tested difference: a period-over-period change, or a segment value against the rest. */
export interface TestRow {
  metric: MetricId;
  question: string;
  segment: string;
  segment_value: string;
  from: number;
  to: number;
  delta: number;
  delta_low: number;
  delta_high: number;
  p: number;
  q: number;
  significant: boolean;
  test: 'welch_t' | 'two_proportion_z' | 'nps_z' | 'index_z';
}

export interface ChangeRow extends TestRow {
  period_from: string;
  period_to: string;
}

export interface GapRow extends TestRow {
  period: string;
}

/**
 * Metric ids. `mean`, `top2` and `score100` are per question; `index`, `csat` (top-2-box of
 * the overall item), `nps` and `ces` are the KPIs; `easy` is the CES share 5–7; `outcome` a yes/no share.
 */
export type MetricId = 'mean' | 'top2' | 'score100' | 'index' | 'csat' | 'nps' | 'ces' | 'easy' | 'outcome';

export interface TargetRow {
  metric: string;
  period: string;
  value: number | null;
  target: number;
  met: boolean | null;
}
