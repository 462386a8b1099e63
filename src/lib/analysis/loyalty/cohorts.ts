/**
 * Cohort retention (STATISTICS.md §7): for the customers whose first purchase fell in
 * period c, the share who bought in period c + k, for k = 0 up to the last period of the
 * data. k = 0 is 1 by construction. The last period may be incomplete when the data end
 * inside it; callers say so where they show it.
 */
import type { Purchase } from '../../ingest/transaction-types';
import { firstPurchaseDays } from './repeat-rate';
import type { PeriodScale } from './periods';
import type { CohortRow } from './types';

export function cohortRetention(purchases: readonly Purchase[], scale: PeriodScale): CohortRow[] {
  if (purchases.length === 0) return [];
  const first = firstPurchaseDays(purchases);
  const cohortOf = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const [customer, day] of first) {
    const c = scale.keyOf(day);
    cohortOf.set(customer, c);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  // cohort → period index k → customers active then.
  const active = new Map<number, Map<number, Set<string>>>();
  let lastKey = -Infinity;
  for (const p of purchases) {
    const c = cohortOf.get(p.customer)!;
    const key = scale.keyOf(p.day);
    if (key > lastKey) lastKey = key;
    let byK = active.get(c);
    if (!byK) active.set(c, (byK = new Map()));
    let who = byK.get(key - c);
    if (!who) byK.set(key - c, (who = new Set()));
    who.add(p.customer);
  }
  const rows: CohortRow[] = [];
  for (const c of [...sizes.keys()].sort((a, b) => a - b)) {
    const customers = sizes.get(c)!;
    for (let k = 0; c + k <= lastKey; k++) {
      const n = active.get(c)?.get(k)?.size ?? 0;
      rows.push({ cohort: scale.label(c), period_index: k, period: scale.label(c + k), customers, active: n, retention: n / customers });
    }
  }
  return rows;
}
