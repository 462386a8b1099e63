/**
 * Calendar periods of purchase days as consecutive integers, so "the period k after c" is
 * c + k, with the labels the survey's periods use (2026-07, 2026-Q3, 2026, all).
 */
import type { Granularity } from '../../config/types';

export interface PeriodScale {
  granularity: Granularity;
  /** Integer key of the period holding an epoch day (consecutive periods differ by 1). */
  keyOf(day: number): number;
  label(key: number): string;
}

/** y/m/d of an epoch day (proleptic Gregorian, UTC arithmetic: the day is already local). */
export function civilDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** YYYY-MM-DD of an epoch day. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function periodScale(granularity: Granularity): PeriodScale {
  switch (granularity) {
    case 'month':
      return {
        granularity,
        keyOf: (day) => {
          const c = civilDay(day);
          return c.year * 12 + c.month - 1;
        },
        label: (key) => `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, '0')}`,
      };
    case 'quarter':
      return {
        granularity,
        keyOf: (day) => {
          const c = civilDay(day);
          return c.year * 4 + Math.floor((c.month - 1) / 3);
        },
        label: (key) => `${Math.floor(key / 4)}-Q${(key % 4) + 1}`,
      };
    case 'year':
      return { granularity, keyOf: (day) => civilDay(day).year, label: (key) => String(key) };
    case 'none':
      return { granularity, keyOf: () => 0, label: () => 'all' };
    default:
      throw new RangeError(`period granularity must be month, quarter, year or none, got ${String(granularity)}`);
  }
}
