/** Ordinal period axes (2025-Q1, 2025-07, 2025) shared by the trend-style charts. */
import { FONT_SIZE, estimateTextWidth, marginForLabels } from './text-metrics';

/** The periods in row order; a repeated period is an error because it would draw twice. */
export function periodDomain(rows: readonly { period: string }[], chart: string): string[] {
  const seen = new Set<string>();
  for (const { period } of rows) {
    if (typeof period !== 'string' || period === '') {
      throw new Error(`${chart}: invalid period ${JSON.stringify(period)}; expected a label such as "2025-Q1"`);
    }
    if (seen.has(period)) throw new Error(`${chart}: period "${period}" appears twice; give one row per period`);
    seen.add(period);
  }
  return [...seen];
}

/**
 * Tick labels that fit side by side: every k-th period, counted back from the latest so
 * the most recent period is always labelled.
 */
export function periodTicks(periods: readonly string[], plotWidth: number, fontSize = FONT_SIZE): string[] {
  if (periods.length === 0) return [];
  const widest = Math.max(...periods.map((p) => estimateTextWidth(p, fontSize))) + fontSize;
  const step = Math.max(1, Math.ceil((widest * periods.length) / Math.max(1, plotWidth)));
  const last = periods.length - 1;
  return periods.filter((_, i) => (last - i) % step === 0);
}

/**
 * Left margin for a numeric y axis. Tick labels are not known before Plot runs, so fit the
 * formatted extremes and the power of ten above them (nice ticks round 98 out to 100).
 */
export function numericAxisMargin(values: readonly number[], format: (v: number) => string): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return 40;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const bound = 10 ** Math.ceil(Math.log10(Math.max(1, Math.abs(lo), Math.abs(hi))));
  return marginForLabels([format(lo), format(hi), format(lo < 0 ? -bound : bound)], { min: 40 });
}
