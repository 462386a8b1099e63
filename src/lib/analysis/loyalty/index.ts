export * from './types';
export { buildLoyalty, type LoyaltyModel, type CustomerRecord, type SimpleClvReport } from './analyse';
export { ALL, TOTAL, NOT_SURVEYED } from './repeat-rate';
export type { HoldoutReport, FitReport } from './clv-fit';
