/**
 * Purchases from a BG/NBD-like process (Fader, Hardie & Lee 2005): while alive a customer
 * buys at a Poisson rate λ ~ Gamma(r, α); after each repeat purchase they drop out with
 * probability p ~ Beta(a, b). Spend follows Gamma-Gamma (Fader & Hardie 2013): each
 * purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ). Planted: satisfied customers buy more often and
 * drop out less (the loyalty page's satisfaction → repeat-purchase link).
 */
import { beta, exponential, gamma, type Random } from '../util/random';
import { formatDay } from './calendar';
import type { Customer } from './customers';
import { PURCHASES, SPEND } from './spec';

export interface TransactionRow {
  order_id: string;
  customer_id: string;
  /** YYYY-MM-DD */
  date: string;
  /** CNY, whole yuan. */
  amount: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Purchase days of one customer, first purchase included, up to `lastDay`. */
function purchaseDays(random: Random, customer: Customer, lastDay: number): number[] {
  const k = PURCHASES;
  const planFactor = customer.plan === '免费版' ? k.freeRateFactor : 1;
  const rate =
    gamma(random, k.r, 1 / k.alpha) * planFactor * Math.exp(k.rateBySatisfaction * customer.satisfaction);
  const p0 = beta(random, k.a, k.b);
  const dropout = logistic(Math.log(p0 / (1 - p0)) - k.dropoutBySatisfaction * customer.satisfaction);
  const days = [customer.firstDay];
  let t = customer.firstDay;
  for (;;) {
    t += exponential(random, rate) * DAYS_PER_MONTH;
    if (t > lastDay + 1) break;
    days.push(Math.floor(t));
    if (random() < dropout) break;
  }
  return days;
}

/** One amount draw per purchase around the customer's own mean spend. */
function spender(random: Random, customer: Customer): () => number {
  const { p, q, mean, min, max } = SPEND;
  // E[spend] = pγ/(q−1); with ν ~ Gamma(q, rate γ) the scale is 1/γ.
  const gammaRate = (mean[customer.plan] * (q - 1)) / p;
  const nu = gamma(random, q, 1 / gammaRate);
  return () => Math.min(max, Math.max(min, Math.round(gamma(random, p, 1 / nu))));
}

/** All customers' purchases up to `lastDay`, in date order, with order ids O000001 …. */
export function generateTransactions(
  random: Random,
  customers: readonly Customer[],
  lastDay: number,
): TransactionRow[] {
  const drafts: { day: number; customer: string; amount: number }[] = [];
  for (const customer of customers) {
    const amount = spender(random, customer);
    for (const day of purchaseDays(random, customer, lastDay)) {
      drafts.push({ day, customer: customer.id, amount: amount() });
    }
  }
  drafts.sort((x, y) => x.day - y.day || (x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : 0));
  return drafts.map((d, i) => ({
    order_id: `O${String(i + 1).padStart(6, '0')}`,
    customer_id: d.customer,
    date: formatDay(d.day),
    amount: d.amount,
  }));
}
