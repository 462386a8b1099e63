export * from './types';
export { checkActions, parseActions, type CheckedActions } from './validate';
export { analyseActions, type ActionsAnalysis, type ActionsInput } from './analyse';
export { resolveReportDate, periodEnd, overdueDays } from './report-date';
export { actionMetric, actionMetricIds, type ActionMetric } from './action-metric';
export { parseStatus, isOpen, STATUS_EXPECTED } from './status';
export { uncoveredPainPoints, suggestedTitle } from './coverage';
export { periodOfDay, actionWindows } from './action-periods';
export { ACTION_COLUMNS, REQUIRED_COLUMNS } from './columns';
