/**
 * Time units for the customer summaries. A month is 30.4375 days (365.25 / 12, the mean
 * Gregorian month), so month-unit times are average months, not calendar months.
 */
export type TimeUnit = 'day' | 'week' | 'month';
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 30.4375 };
