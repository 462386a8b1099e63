/** The sample company's customers: who they are, how satisfied, when they first bought. */
import { gamma, normalFrom, weightedIndex, type Random } from '../util/random';
import type { Quarter } from './calendar';
import {
  CHANNELS,
  CHANNEL_SHARES,
  CUSTOMER_COUNT,
  ENGLISH_SHARE,
  FIRST_QUARTER_SHARE,
  PLANS,
  PLAN_SHARES,
  REGIONS,
  REGION_SHARES,
  RESPONDER_SHARE,
  type Channel,
  type Plan,
  type Region,
} from './spec';

export interface Customer {
  /** C00001 … in order of first purchase. */
  id: string;
  plan: Plan;
  region: Region;
  channel: Channel;
  /** Latent satisfaction, standard normal: drives answers, purchase rate and dropout. */
  satisfaction: number;
  /** Day number of the first purchase in the data (the start of the relationship). */
  firstDay: number;
  /** Part of the installed base: a customer before the data starts, so may answer any time. */
  installed: boolean;
  /** Relative propensity to answer a survey wave; 0 = never answers. */
  responsiveness: number;
  /** Answers the English questionnaire. */
  english: boolean;
}

/** Draw the customer base over the given quarters (the first one holds the installed base). */
export function generateCustomers(random: Random, span: readonly Quarter[]): Customer[] {
  const normal = normalFrom(random);
  const first = span[0];
  const last = span[span.length - 1];
  const drafts = Array.from({ length: CUSTOMER_COUNT }, () => {
    const plan = PLANS[weightedIndex(random, PLAN_SHARES)];
    const region = REGIONS[weightedIndex(random, REGION_SHARES)];
    const channel = CHANNELS[weightedIndex(random, CHANNEL_SHARES)];
    const satisfaction = normal();
    const installed = random() < FIRST_QUARTER_SHARE;
    const from = installed ? first.start : first.end + 1;
    const to = installed ? first.end : last.end;
    const firstDay = from + Math.floor(random() * (to - from + 1));
    const responsiveness = random() < RESPONDER_SHARE ? gamma(random, 2, 0.5) : 0;
    const english = random() < ENGLISH_SHARE;
    return { plan, region, channel, satisfaction, firstDay, installed, responsiveness, english };
  });
  // Stable sort keeps draw order among same-day customers, so ids are reproducible.
  drafts.sort((x, y) => x.firstDay - y.firstDay);
  return drafts.map((d, i) => ({ id: `C${String(i + 1).padStart(5, '0')}`, ...d }));
}
