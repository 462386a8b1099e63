/**
 * One respondent's numeric answers from a latent-variable model: every item reflects the
 * respondent's latent satisfaction plus its own noise, segment offsets, a trend and the
 * planted incident; overall satisfaction is a weighted sum of the items (q_response weighs
 * most) and NPS, CES and renewal follow overall satisfaction.
 */
import type { Random } from '../util/random';
import type { Customer } from './customers';
import { INCIDENT_PLAN, INCIDENT_SHIFTS, ITEMS, OVERALL, SEGMENT_OFFSETS, type ItemId } from './spec';

export type Renewal = '是' | '否' | '不确定';

/** Integer answers; null = not answered (missing). */
export interface Answers {
  items: Record<ItemId, number | null>;
  overall: number | null;
  nps: number | null;
  ces: number | null;
  renew: Renewal | null;
}

const MIDDLE_QUARTER = 3.5;

function clampRound(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(x)));
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function itemShift(id: ItemId, customer: Customer, quarter: number): number {
  const offsets = SEGMENT_OFFSETS[id] ?? {};
  const steady = (offsets[customer.plan] ?? 0) + (offsets[customer.region] ?? 0) + (offsets[customer.channel] ?? 0);
  const incident = customer.plan === INCIDENT_PLAN ? (INCIDENT_SHIFTS[id]?.[quarter] ?? 0) : 0;
  return steady + incident;
}

/** The chance an item is left blank / not applicable for this customer. */
function missingRate(id: ItemId, base: number, customer: Customer): number {
  return id === 'q_pricing' && customer.plan === '免费版' ? base * 2.5 : base;
}

/** Answers of `customer` in quarter `quarter` (0-based); `normal` draws N(0, 1). */
export function drawAnswers(random: Random, normal: Random, customer: Customer, quarter: number): Answers {
  const t = quarter - MIDDLE_QUARTER;
  const latent = 0.75 * customer.satisfaction + 0.66 * normal();
  const items = {} as Record<ItemId, number | null>;
  let overallLatent = OVERALL.target + OVERALL.trend * t + OVERALL.latent * latent + OVERALL.noise * normal();
  let responseDeviation = 0;
  for (const item of ITEMS) {
    const centred = item.trend * t + itemShift(item.id, customer, quarter) + item.loading * latent + item.noise * normal();
    overallLatent += item.overallWeight * centred;
    if (item.id === 'q_response') responseDeviation = centred;
    const missing = random() < missingRate(item.id, item.missing, customer);
    items[item.id] = missing ? null : clampRound(item.mean + centred, 1, 5);
  }
  const npsLatent = 8 + 2 * (overallLatent - OVERALL.target) + 1.2 * normal();
  const cesLatent = 5 + 0.8 * (overallLatent - OVERALL.target) + 0.3 * responseDeviation + 0.9 * normal();
  const unsure = random() < 0.12;
  const renewYes = random() < logistic(1.2 + 1.6 * (overallLatent - OVERALL.target));
  return {
    items,
    overall: random() < 0.01 ? null : clampRound(overallLatent, 1, 5),
    nps: random() < 0.015 ? null : clampRound(npsLatent, 0, 10),
    ces: random() < 0.03 ? null : clampRound(cesLatent, 1, 7),
    renew: random() < 0.02 ? null : unsure ? '不确定' : renewYes ? '是' : '否',
  };
}
