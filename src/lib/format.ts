import type { Locale } from './config/types';

/**
 * Named number formats, in one table (as Evidence does), so prose, tables and charts agree.
 * Shares are stored as 0–1 and shown as percent; scores, NPS and means as plain numbers.
 */
export const FORMATS = {
  num0: { maximumFractionDigits: 0 },
  num1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  num2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  pct0: { style: 'percent', maximumFractionDigits: 0 },
  pct1: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  signed1: { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' },
  signed2: { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' },
  signedPct1: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' },
  p3: { minimumFractionDigits: 3, maximumFractionDigits: 3 },
  currency0: { maximumFractionDigits: 0, useGrouping: true },
} as const satisfies Record<string, Intl.NumberFormatOptions>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

const cache = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, format: FormatName, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const key = `${locale}|${format}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, FORMATS[format])));
  // Round first so −0.04 never prints as "−0.0".
  const digits = (FORMATS[format] as Intl.NumberFormatOptions).maximumFractionDigits ?? 0;
  const scale = 10 ** (digits + ((FORMATS[format] as Intl.NumberFormatOptions).style === 'percent' ? 2 : 0));
  const rounded = Math.round(value * scale) / scale;
  return f.format(rounded === 0 ? 0 : rounded);
}

/** p-values: "<0.001" below the smallest shown value. */
export function formatP(p: number | null | undefined, locale: Locale): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  return p < 0.001 ? '<0.001' : formatNumber(p, 'p3', locale);
}

/** Rounds at the output edge: no 5.55e-15 in any table. */
export function roundEdge(value: number | null | undefined, digits = 6): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  const r = Math.round(value * scale) / scale;
  return r === 0 ? 0 : r;
}

/** p- and q-values keep 4 significant digits (a fixed 6 decimals would print 5e-8 as 0). */
export function roundColumn(column: string, value: number | null | undefined): number | null {
  if (/(^|_)[pq]$/.test(column) && value !== null && value !== undefined && Number.isFinite(value) && value !== 0) {
    return Number(value.toPrecision(4));
  }
  return roundEdge(value);
}
