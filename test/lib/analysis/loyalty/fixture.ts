/** A hand-worked purchase log (see repeat-rate.test.ts for the counts worked out by hand). */
import type { Purchase } from '../../../../src/lib/ingest/transaction-types';
import type { CustomerProfile } from '../../../../src/lib/analysis/loyalty/types';

export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export const purchases: Purchase[] = [
  { customer: 'C1', day: day('2025-01-05'), amount: 100 },
  { customer: 'C1', day: day('2025-01-05'), amount: 50 }, // same day as the first: not a repeat
  { customer: 'C2', day: day('2025-02-01'), amount: 200 },
  { customer: 'C1', day: day('2025-02-10'), amount: 80 },
  { customer: 'C3', day: day('2025-04-15'), amount: 30 },
  { customer: 'C4', day: day('2025-04-20'), amount: 10 },
  { customer: 'C3', day: day('2025-05-01'), amount: 30 },
  { customer: 'C1', day: day('2025-07-01'), amount: 60 },
  { customer: 'C4', day: day('2025-10-01'), amount: 20 },
];

const profile = (plan: string, satisfaction: number, npsGroup: CustomerProfile['npsGroup']): CustomerProfile => ({ segments: { plan }, satisfaction, npsGroup });
/** C4 never answered the survey. */
export const profiles = new Map<string, CustomerProfile>([
  ['C1', profile('A', 5, 'promoter')],
  ['C2', profile('B', 1, 'detractor')],
  ['C3', profile('A', 4, 'passive')],
]);
