/**
 * Calendar arithmetic on whole days counted from 1970-01-01, done with Date.UTC so the
 * output never depends on the machine's time zone, locale or clock. Times written from
 * these are Asia/Shanghai wall-clock times (no daylight saving there, so no gaps).
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** YYYY-MM-DD of a day number. */
export function formatDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** YYYY-MM-DD HH:mm of a day number and a minute of that day (0–1439). */
export function formatMinute(day: number, minute: number): string {
  return `${formatDay(day)} ${pad(Math.floor(minute / 60), 2)}:${pad(minute % 60, 2)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export interface Quarter {
  /** Position from the first quarter, 0-based. */
  index: number;
  /** e.g. 2026-Q2 */
  label: string;
  /** e.g. 2026Q2, as used inside response ids. */
  code: string;
  /** First and last day, inclusive. */
  start: number;
  end: number;
}

/** `count` consecutive quarters from Q1 of `firstYear`. */
export function quarters(firstYear: number, count: number): Quarter[] {
  return Array.from({ length: count }, (_, index) => {
    const year = firstYear + Math.floor(index / 4);
    const q = (index % 4) + 1;
    const start = dayOf(year, 3 * q - 2, 1);
    const end = dayOf(year + (q === 4 ? 1 : 0), q === 4 ? 1 : 3 * q + 1, 1) - 1;
    return { index, label: `${year}-Q${q}`, code: `${year}Q${q}`, start, end };
  });
}
