/**
 * Fits the CLV models on the per-customer summary and scores every customer: BG/NBD for
 * how many purchases they will still make, Gamma-Gamma for what a purchase is worth, model
 * CLV = discounted expected purchases × expected spend × margin over the horizon (the pure
 * functions in ../clv). Calibration is all the data up to the last purchase day; the
 * calibration/holdout check refits on all but the last HOLDOUT_DAYS when the data span at
 * least MIN_SPAN_FOR_HOLDOUT days.
 */
import { fitBgnbd, pAlive, type BgnbdFit, type BgnbdParams, type CustomerArrays } from '../clv/bgnbd';
import { fitGammaGamma, conditionalExpectedSpend, type GammaGammaFit } from '../clv/gamma-gamma';
import { holdoutComparison } from '../clv/holdout';
import { modelClv } from '../clv/model-clv';
import { buildRfmSummary } from '../clv/rfm-summary';
import { periodDiscountRate } from '../clv/simple-clv';
import type { TimeUnit } from '../clv/time-unit';
import type { Purchase } from '../../ingest/transaction-types';
import { isoDay } from './periods';

/** Six months, in days (183 ≈ 365.25 / 2). */
export const HOLDOUT_DAYS = 183;
export const MIN_SPAN_FOR_HOLDOUT = 366;
/** A well-posed Gamma-Gamma fit converges in a few dozen iterations; one that runs on diverges. */
const GAMMA_GAMMA_MAX_ITERATIONS = 300;

export interface ClvSettings {
  unit: TimeUnit;
  /** Share of revenue that is margin. */
  margin: number;
  /** Discount rate per year. */
  discountRate: number;
  /** Future time units. */
  horizon: number;
}

/** The per-customer summary the models take (the rfm-summary conventions). */
export interface CustomerSummary extends CustomerArrays {
  customer: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
}

export interface FitReport {
  r?: number; alpha?: number; a?: number; b?: number;
  p?: number; q?: number; gamma?: number;
  ll: number;
  converged: boolean;
  iterations: number;
  gradient_norm: number;
  customers: number;
}

export interface HoldoutReport {
  calibration_end: string;
  holdout_end: string;
  holdout_length: number;
  customers: number;
  calibration: FitReport;
  actual_total: number;
  predicted_total: number;
  actual_mean: number;
  predicted_mean: number;
  /** (predicted − actual) / actual total purchases in the holdout. */
  relative_error: number | null;
  mean_absolute_error: number;
  bucket_mean_absolute_error: number;
  buckets: { bucket: string; customers: number; actual_mean: number; predicted_mean: number }[];
}

export interface CustomerClv {
  customer: string;
  x: number;
  tx: number;
  T: number;
  zbar: number;
  pAlive: number;
  expectedSpend: number;
  clv: number;
}

export interface ClvFit {
  bgnbd: FitReport | null;
  /** The Gamma-Gamma fit, also when it was not used (see spendModel and notes). */
  gammaGamma: FitReport | null;
  /** How expected spend was set: Gamma-Gamma, or (when it cannot be fitted) the mean repeat spend. */
  spendModel: 'gamma_gamma' | 'observed_mean';
  discountRatePerUnit: number;
  holdout: HoldoutReport | null;
  /** Why there is no holdout check or no model, in plain words (for the page and clv_model.json). */
  notes: string[];
  customers: CustomerClv[];
}

const bgnbdReport = (f: BgnbdFit): FitReport => ({ r: f.r, alpha: f.alpha, a: f.a, b: f.b, ll: f.ll, converged: f.converged, iterations: f.iterations, gradient_norm: f.gradientNorm, customers: f.customers });
const ggReport = (f: GammaGammaFit): FitReport => ({ p: f.p, q: f.q, gamma: f.gamma, ll: f.ll, converged: f.converged, iterations: f.iterations, gradient_norm: f.gradientNorm, customers: f.customers });

/** The summary of raw purchases up to `calibrationEnd` (with holdout counts up to `holdoutEnd`). */
export function summaryFromPurchases(purchases: readonly Purchase[], unit: TimeUnit, calibrationEnd: number, holdoutEnd?: number) {
  return buildRfmSummary(purchases.map((p) => ({ customer: p.customer, date: p.day, amount: p.amount })), { calibrationEnd, holdoutEnd, unit });
}

function hasRepeaters(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] > 0) return true;
  return false;
}

/** Calibrate on all but the last HOLDOUT_DAYS and compare predicted with actual purchases in them. */
export function holdoutCheck(purchases: readonly Purchase[], unit: TimeUnit, firstDay: number, lastDay: number): HoldoutReport | string {
  if (lastDay - firstDay + 1 < MIN_SPAN_FOR_HOLDOUT) return `the data span ${lastDay - firstDay + 1} days; a holdout check needs at least ${MIN_SPAN_FOR_HOLDOUT}`;
  const calibrationEnd = lastDay - HOLDOUT_DAYS;
  const s = summaryFromPurchases(purchases, unit, calibrationEnd, lastDay);
  if (!hasRepeaters(s.x)) return 'no customer made a repeat purchase in the calibration period';
  const fit = fitBgnbd(s.x, s.tx, s.T);
  const c = holdoutComparison(fit, s, s.holdoutPurchases!, s.holdoutLength!);
  return {
    calibration_end: isoDay(calibrationEnd),
    holdout_end: isoDay(lastDay),
    holdout_length: c.holdoutLength,
    customers: c.customers,
    calibration: bgnbdReport(fit),
    actual_total: c.actualTotal,
    predicted_total: c.predictedTotal,
    actual_mean: c.actualMean,
    predicted_mean: c.predictedMean,
    relative_error: c.actualTotal > 0 ? (c.predictedTotal - c.actualTotal) / c.actualTotal : null,
    mean_absolute_error: c.meanAbsoluteError,
    bucket_mean_absolute_error: c.bucketMeanAbsoluteError,
    buckets: c.buckets.map((b) => ({ bucket: b.bucket, customers: b.customers, actual_mean: b.actualMean, predicted_mean: b.predictedMean })),
  };
}

/** Fits both models on `summary` and scores each customer; nulls and a note when a model cannot be fitted. */
export function fitClv(summary: CustomerSummary, settings: ClvSettings, holdout: HoldoutReport | string | null): ClvFit {
  const notes: string[] = [];
  if (typeof holdout === 'string') notes.push(`no holdout check: ${holdout}`);
  const discountRatePerUnit = periodDiscountRate(settings.discountRate, settings.unit);
  const empty = (note: string): ClvFit => ({
    bgnbd: null, gammaGamma: null, spendModel: 'observed_mean', discountRatePerUnit, holdout: typeof holdout === 'string' ? null : holdout, notes: [...notes, note], customers: [],
  });
  if (summary.customer.length === 0) return empty('no customers to fit');
  if (!hasRepeaters(summary.x)) return empty('no customer made a repeat purchase, so the BG/NBD cannot be fitted');
  const bgnbd = fitBgnbd(summary.x, summary.tx, summary.T);
  if (!bgnbd.converged) notes.push(`the BG/NBD fit stopped after ${bgnbd.iterations} iterations without meeting the convergence test`);
  // Gamma-Gamma needs a positive mean spend: repeaters whose repeat purchases were all free are left out.
  const ggX = Float64Array.from(summary.x, (x, i) => (summary.zbar[i] > 0 ? x : 0));
  let gg: GammaGammaFit | null = null;
  let spendModel: ClvFit['spendModel'] = 'gamma_gamma';
  let spend: Float64Array;
  try {
    gg = fitGammaGamma(ggX, summary.zbar, { maxIterations: GAMMA_GAMMA_MAX_ITERATIONS });
    if (!gg.converged) throw new RangeError(`the fit did not converge in ${gg.iterations} iterations`);
    if (!(gg.q > 1)) throw new RangeError(`q = ${gg.q} ≤ 1 gives no finite mean spend`);
    spend = Float64Array.from(ggX, (x, i) => conditionalExpectedSpend(gg!, x, summary.zbar[i]));
  } catch (e) {
    spendModel = 'observed_mean';
    let sum = 0;
    let n = 0;
    ggX.forEach((x, i) => {
      if (x > 0) [sum, n] = [sum + x * summary.zbar[i], n + x];
    });
    const mean = n > 0 ? sum / n : 0;
    spend = Float64Array.from(ggX, (x, i) => (x > 0 ? summary.zbar[i] : mean));
    notes.push(`Gamma-Gamma not used (${(e as Error).message}); expected spend is each customer's mean repeat spend, or the overall mean repeat spend for customers without repeat purchases`);
  }
  const params: BgnbdParams = { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b };
  const clv = modelClv(params, summary, spend, { periods: settings.horizon, periodLength: 1, discountRate: discountRatePerUnit, margin: settings.margin });
  const customers = summary.customer.map((customer, i) => ({
    customer, x: summary.x[i], tx: summary.tx[i], T: summary.T[i], zbar: summary.zbar[i],
    pAlive: pAlive(params, summary.x[i], summary.tx[i], summary.T[i]), expectedSpend: spend[i], clv: clv[i],
  }));
  return {
    bgnbd: bgnbdReport(bgnbd), gammaGamma: gg && ggReport(gg), spendModel, discountRatePerUnit,
    holdout: typeof holdout === 'string' ? null : holdout, notes, customers,
  };
}
