/**
 * The sample survey's shape and its planted structure, in one place so the numbers the
 * analyses should find can be read (and tuned) without reading the generator.
 * Column names are data/survey.yaml's (a test checks they agree).
 */

export const PLANS = ['免费版', '专业版', '企业版'] as const;
export const REGIONS = ['华东', '华北', '华南', '西部'] as const;
export const CHANNELS = ['官网', '代理商', '应用市场'] as const;
export type Plan = (typeof PLANS)[number];
export type Region = (typeof REGIONS)[number];
export type Channel = (typeof CHANNELS)[number];

/** Customer mix: plan roughly 50/35/15 %. */
export const PLAN_SHARES = [0.5, 0.35, 0.15];
export const REGION_SHARES = [0.38, 0.26, 0.22, 0.14];
export const CHANNEL_SHARES = [0.5, 0.3, 0.2];

/** Quarters covered, first and last, and the responses kept per quarter (sum ≈ 6,000). */
export const FIRST_YEAR = 2025;
export const QUARTER_COUNT = 8;
export const RESPONSES_PER_QUARTER = [668, 712, 757, 731, 779, 823, 768, 801];

/** Customers in the transactions file; a share of them ever answer the survey. */
export const CUSTOMER_COUNT = 2900;
export const RESPONDER_SHARE = 0.8;
/** Share of customers already buying in the first quarter (the installed base). */
export const FIRST_QUARTER_SHARE = 0.45;
/** Respondents who fill in the English version of the questionnaire. */
export const ENGLISH_SHARE = 0.04;

export type ItemId =
  | 'q_features'
  | 'q_stability'
  | 'q_usability'
  | 'q_response'
  | 'q_expertise'
  | 'q_onboarding'
  | 'q_pricing'
  | 'q_billing';

export interface ItemSpec {
  id: ItemId;
  column: string;
  /** Mean of the continuous answer before rounding to 1–5. */
  mean: number;
  /** Loading on the respondent's latent satisfaction and the item's own noise sd. */
  loading: number;
  noise: number;
  /** Change per quarter (points); 0 keeps the item flat. */
  trend: number;
  /** Share of answers that are missing (不适用 / blank). */
  missing: number;
  /** Weight of the item in overall satisfaction: q_response is the planted top driver, q_pricing the second. */
  overallWeight: number;
}

export const ITEMS: readonly ItemSpec[] = [
  { id: 'q_features', column: '功能满足需求', mean: 3.95, loading: 0.45, noise: 0.7, trend: 0.03, missing: 0.03, overallWeight: 0.07 },
  { id: 'q_stability', column: '系统稳定性', mean: 3.8, loading: 0.45, noise: 0.7, trend: 0.04, missing: 0.03, overallWeight: 0.07 },
  { id: 'q_usability', column: '易用性', mean: 4.0, loading: 0.45, noise: 0.7, trend: 0, missing: 0.035, overallWeight: 0.03 },
  { id: 'q_response', column: '客服响应速度', mean: 3.5, loading: 0.4, noise: 0.85, trend: 0.02, missing: 0.06, overallWeight: 0.42 },
  { id: 'q_expertise', column: '客服专业能力', mean: 3.7, loading: 0.45, noise: 0.7, trend: 0.01, missing: 0.075, overallWeight: 0.04 },
  { id: 'q_onboarding', column: '上手培训', mean: 3.75, loading: 0.45, noise: 0.7, trend: 0.02, missing: 0.07, overallWeight: 0.03 },
  { id: 'q_pricing', column: '价格合理性', mean: 3.45, loading: 0.4, noise: 0.8, trend: 0, missing: 0.04, overallWeight: 0.2 },
  { id: 'q_billing', column: '购买与开票流程', mean: 3.65, loading: 0.45, noise: 0.7, trend: 0.02, missing: 0.07, overallWeight: 0.02 },
];

/** Steady differences between segments, in points on the 1–5 scale. */
export const SEGMENT_OFFSETS: Partial<Record<ItemId, Partial<Record<string, number>>>> = {
  q_features: { 企业版: 0.1 },
  q_stability: { 西部: -0.15, 华北: 0.05 },
  q_response: { 免费版: -0.2, 企业版: 0.1 },
  q_expertise: { 企业版: 0.1 },
  q_onboarding: { 代理商: 0.2, 应用市场: -0.15 },
  q_pricing: { 免费版: 0.3, 企业版: -0.25 },
  q_billing: { 代理商: -0.15 },
};

/**
 * The planted service incident: 企业版 customers in 2026-Q2 (quarter index 5) rate support
 * about one point lower (a shift of 1.15 before rounding to the 1–5 scale); the dedicated support channel (action A01) brings it back and above.
 */
export const INCIDENT_PLAN: Plan = '企业版';
export const INCIDENT_SHIFTS: Partial<Record<ItemId, Record<number, number>>> = {
  q_response: { 5: -1.15, 6: 0.3, 7: 0.6 },
  q_expertise: { 5: -1.15, 6: 0, 7: 0.2 },
};

/** Overall satisfaction = intercept + Σ weight·item + latent + noise (continuous, then rounded). */
export const OVERALL = { latent: 0.25, noise: 0.45, trend: 0.02, target: 3.9 };

/** Probability of leaving a comment, by rounded overall satisfaction (≈ 40 % in all). */
export const COMMENT_RATE = { low: 0.6, middle: 0.38, high: 0.37 };

/** BG/NBD-like purchasing: rate ~ Gamma(r, 1/α) per month, dropout ~ Beta(a, b). */
export const PURCHASES = {
  r: 1.2,
  alpha: 6,
  a: 1.0,
  b: 5,
  /** Satisfaction raises the rate by exp(k·θ) and lowers the dropout log-odds by k·θ. */
  rateBySatisfaction: 0.35,
  dropoutBySatisfaction: 0.6,
  /** Free accounts buy add-ons less often. */
  freeRateFactor: 0.7,
};

/** Gamma-Gamma spend: per-customer mean spend in CNY by plan, p and q shared. */
export const SPEND = {
  p: 6,
  q: 4,
  // Plan means 1:2:4 apart: wider (and the 20,000 cap) make the spend a mixture the
  // Gamma-Gamma model cannot fit (p runs off to infinity, q < 1), measured on this sample.
  mean: { 免费版: 900, 专业版: 1800, 企业版: 3600 } as Record<Plan, number>,
  min: 199,
  max: 20000,
};
