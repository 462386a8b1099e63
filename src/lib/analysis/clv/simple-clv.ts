/**
 * Simple retention-based CLV (e.g. Gupta & Lehmann 2003; Berger & Nasr 1998, case 1):
 *   CLV = Σₜ₌₁ⁿ mₜ · rᵗ⁻¹ / (1 + d)ᵗ
 * with margin mₜ earned at the end of period t, retention r per period (the customer is
 * there for period 1 for sure) and discount rate d per period.
 */
import { DAYS_PER_UNIT, type TimeUnit } from './time-unit';

export interface SimpleClvInput {
  /** Margin per period: one number for every period, or one per period (then `periods` is its length). */
  margin: number | readonly number[];
  /** Probability a customer present in one period is present in the next, in [0, 1]. */
  retention: number;
  /** Discount rate per period, > −1 (usually ≥ 0). */
  discountRate: number;
  /** Number of periods; required when margin is a single number. */
  periods?: number;
}

export function simpleClv({ margin, retention, discountRate, periods }: SimpleClvInput): number {
  if (!(retention >= 0 && retention <= 1)) throw new RangeError(`retention must be in [0, 1], got ${retention}`);
  if (!(discountRate > -1 && Number.isFinite(discountRate))) {
    throw new RangeError(`discountRate must be a finite number > -1, got ${discountRate}`);
  }
  const margins = typeof margin === 'number' ? null : margin;
  const n = margins ? margins.length : periods;
  if (margins && periods !== undefined && periods !== margins.length) {
    throw new RangeError(`periods (${periods}) must equal the number of margins (${margins.length}) or be left out`);
  }
  if (!(Number.isInteger(n) && (n as number) >= 1)) throw new RangeError(`periods must be an integer >= 1, got ${n}`);
  let clv = 0;
  let survival = 1; // rᵗ⁻¹
  let discount = 1 / (1 + discountRate); // 1/(1+d)ᵗ
  for (let t = 1; t <= (n as number); t++) {
    const m = margins ? margins[t - 1] : (margin as number);
    if (!Number.isFinite(m)) throw new RangeError(`margin for period ${t} must be a finite number, got ${m}`);
    clv += m * survival * discount;
    survival *= retention;
    discount /= 1 + discountRate;
  }
  return clv;
}

/**
 * The per-period rate equivalent to an annual rate under compounding:
 * (1 + annual)^(days per period / 365.25) − 1; a month is 1/12 year, a week 7/365.25 year.
 */
export function periodDiscountRate(annualRate: number, unit: TimeUnit): number {
  if (!(annualRate > -1 && Number.isFinite(annualRate))) {
    throw new RangeError(`annualRate must be a finite number > -1, got ${annualRate}`);
  }
  if (!Object.hasOwn(DAYS_PER_UNIT, unit)) throw new RangeError(`unit must be one of day, week, month, got ${unit}`);
  return Math.expm1((DAYS_PER_UNIT[unit] / 365.25) * Math.log1p(annualRate));
}
