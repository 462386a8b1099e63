/** The checked, normalised survey definition that every other module reads. */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** A text in both UI languages (the one given is used for both when only one is). */
export type Localized = Record<Locale, string>;

export type Granularity = 'month' | 'quarter' | 'year' | 'none';
export type Role = 'indicator' | 'overall' | 'nps' | 'ces' | 'outcome';

export interface Scale {
  id: string;
  /** Lowest and highest valid value; levels are the integers min..max. */
  min: number;
  max: number;
  points: number;
  /** NFKC-normalised, trimmed, lower-cased label → value. */
  labels: Map<string, number>;
  /** Display label of each level (index = value − min), per locale; the number when none. */
  levelLabels: Record<Locale, string[]>;
  /** NFKC-normalised, trimmed, lower-cased codes that mean "no answer". */
  missing: Set<string>;
}

export interface Question {
  id: string;
  column: string;
  label: Localized;
  scale: Scale;
  role: Role;
  group?: string;
  weight: number;
  /** For role `outcome`: the scale value that counts as the positive answer. */
  positive?: number;
}

export interface Segment {
  id: string;
  column: string;
  label: Localized;
  /** Display order of values, when given; values not listed sort after, alphabetically. */
  order: string[];
  /** Display names of values per locale (the value itself when absent). */
  valueLabels: Record<string, Localized>;
}

export interface CommentColumn {
  id: string;
  column: string;
}

export interface ResponsesSource {
  /** Absolute glob patterns ([] with `statistics`). */
  files: string[];
  /** Absolute path of a sufficient-statistics file read instead of the exports (docs/performance.md). */
  statistics?: string;
  encoding: string;
  delimiter: 'auto' | ',' | ';' | '\t' | '|';
  id?: string;
  customer?: string;
  date?: string;
  dateFormat: string;
}

export interface Weighting {
  method: 'rake' | 'poststratify';
  /** segment id → category value → population share (shares of a margin sum to 1). */
  margins: Record<string, Record<string, number>>;
  trim?: { min?: number; max?: number };
}

export interface DriverSettings {
  outcome: string;
  poolPeriods: number;
  performance: 'score100' | 'top2';
  minPerDriver: number;
}

export interface ThemeSettings {
  dictionary: string[];
  stopwords: string[];
  minDocs: number;
  /** Who counts as dissatisfied: bottom-2-box on the overall item, or NPS detractors. */
  dissatisfied: 'bottom2' | 'detractors';
  top: number;
}

export interface ActionsSource {
  file: string;
}

export interface TransactionsSource {
  /** Raw purchases, or a per-customer summary (customer, frequency, recency, T, monetary). */
  file?: string;
  summary?: string;
  customer: string;
  date: string;
  amount: string;
  order?: string;
  quantity?: string;
  dateFormat: string;
  currency: string;
  timeUnit: 'week' | 'month';
  margin: number;
  discountRate: number;
  horizon: number;
  retention?: number;
}

export interface Thresholds {
  suppress: number;
  directional: number;
  alpha: number;
}

export interface SurveyConfig {
  /** Absolute path of the survey definition, and its folder (paths resolve against it). */
  path: string;
  dir: string;
  title: Localized;
  locale: Locale;
  timezone: string;
  responses: ResponsesSource;
  period: Granularity;
  segments: Segment[];
  scales: Map<string, Scale>;
  questions: Question[];
  groups: Record<string, Localized>;
  comments: CommentColumn[];
  /** Metric id (index, csat, nps, ces, or a question id) → target in display units. */
  targets: Record<string, number>;
  thresholds: Thresholds;
  weighting?: Weighting;
  drivers: DriverSettings;
  themes: ThemeSettings;
  actions?: ActionsSource;
  transactions?: TransactionsSource;
}
