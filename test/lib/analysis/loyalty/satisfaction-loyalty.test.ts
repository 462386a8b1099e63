import { describe, expect, it } from 'vitest';
import { loyaltyGroups, loyaltyStats, satisfactionLoyaltyRows } from '../../../../src/lib/analysis/loyalty/satisfaction-loyalty';
import { cochranArmitage, loyaltyTests } from '../../../../src/lib/analysis/loyalty/loyalty-tests';
import { ratioEstimate } from '../../../../src/lib/analysis/loyalty/ratio-estimate';
import type { CustomerActivity, CustomerProfile } from '../../../../src/lib/analysis/loyalty/types';

const activity = (customer: string, purchaseDays: number, years: number, meanSpend: number): CustomerActivity => ({
  customer, orders: purchaseDays, purchaseDays, years, totalSpend: meanSpend * purchaseDays, meanSpend, firstDay: 0, lastDay: 0,
});
const profile = (satisfaction: number, npsGroup: CustomerProfile['npsGroup']): CustomerProfile => ({ segments: {}, satisfaction, npsGroup });

// A tiny fixture: level 1 = A, B; level 5 = C, D, E; F answered no overall item; G never answered.
const customers = [
  activity('A', 1, 1, 40), activity('B', 3, 1, 60),
  activity('C', 2, 2, 10), activity('D', 4, 1, 20), activity('E', 1, 0.5, 30),
  activity('F', 2, 1, 5), activity('G', 9, 1, 5),
];
const profiles = new Map<string, CustomerProfile>([
  ['A', profile(1, 'detractor')], ['B', profile(1, 'detractor')],
  ['C', profile(5, 'promoter')], ['D', profile(5, 'promoter')], ['E', profile(5, 'passive')],
  ['F', profile(NaN, 'promoter')],
]);
const levels = [1, 2, 3, 4, 5];

describe('satisfaction → loyalty rows', () => {
  const groups = loyaltyGroups(customers, profiles, 'satisfaction', levels);
  const rows = satisfactionLoyaltyRows(groups, 1);

  it('groups respondents who are customers by the level of their latest answer', () => {
    expect(groups.map((g) => [g.level, g.members.map((m) => m.customer).join('')])).toEqual([['1', 'AB'], ['2', ''], ['3', ''], ['4', ''], ['5', 'CDE']]);
    expect(loyaltyGroups(customers, profiles, 'nps', levels).map((g) => [g.level, g.members.length])).toEqual([['detractor', 2], ['passive', 1], ['promoter', 3]]);
  });

  it('gives the repeat rate with its Wilson interval', () => {
    // 1 of 2: z²/n = 1.9208, centre (0.5 + 0.9604)/2.9208 = 0.5,
    // half-width 1.96·√(0.125 + 0.2401)/2.9208 = 0.40547 → [0.09453, 0.90547] (Wilson 1927, by hand).
    expect(rows[0].repeat_rate).toBe(0.5);
    expect(rows[0].repeat_rate_low).toBeCloseTo(0.09453, 4);
    expect(rows[0].repeat_rate_high).toBeCloseTo(0.90547, 4);
    expect(rows[4].repeat_rate).toBeCloseTo(2 / 3, 12);
  });

  it('gives purchases per customer-year as a ratio of sums with a t interval', () => {
    // Level 5: Σd = 7, Σy = 3.5 → R = 2; residuals d − R·y = −2, 2, 0 → Σ = 8;
    // se = √(8/(3·2))/(3.5/3) = 0.989743; t(0.975, 2) = 4.302653 → R ± 4.258522, low clipped at 0.
    expect(rows[4].frequency).toBe(2);
    expect(rows[4].frequency_low).toBe(0);
    expect(rows[4].frequency_high).toBeCloseTo(6.258522, 5);
    expect(ratioEstimate([2, 4, 1], [2, 1, 0.5])!.se).toBeCloseTo(0.989743, 6);
  });

  it('gives mean spend per customer with a t interval', () => {
    // Level 5: 10, 20, 30 → mean 20, sd 10, se 5.773503; 4.302653·se = 24.841377.
    expect(rows[4].spend).toBe(20);
    expect(rows[4].spend_low).toBeCloseTo(20 - 24.841377, 5);
    expect(rows[4].spend_high).toBeCloseTo(20 + 24.841377, 5);
  });

  it('leaves empty levels without estimates and suppresses small ones', () => {
    expect(rows[1]).toMatchObject({ level: '2', customers: 0, repeat_rate: null, frequency: null, spend: null, suppressed: true });
    const suppressed = satisfactionLoyaltyRows(groups, 3);
    expect(suppressed[0]).toMatchObject({ customers: 2, repeat_rate: null, suppressed: true });
    expect(suppressed[4].suppressed).toBe(false);
  });

  it('pools the top two and the bottom two levels for the tests', () => {
    const tests = loyaltyTests(groups, 'satisfaction', 0.05, 1);
    const repeat = tests.find((t) => t.metric === 'repeat_rate' && t.comparison === 'top2_vs_bottom2')!;
    expect(repeat).toMatchObject({ high: 2 / 3, low: 0.5, n_high: 3, n_low: 2, test: 'two_proportion_z' });
    expect(repeat.delta).toBeCloseTo(1 / 6, 12);
    const spend = tests.find((t) => t.metric === 'spend')!;
    expect(spend).toMatchObject({ high: 20, low: 50, test: 'welch_t' });
    expect(loyaltyTests(groups, 'satisfaction', 0.05, 3).find((t) => t.metric === 'spend')!.p).toBeNull();
  });

  it('stats of an empty group are null, not NaN', () => {
    expect(loyaltyStats([])).toEqual({ customers: 0, repeatCustomers: 0, repeat: null, frequency: null, spend: null });
  });
});

describe('cochranArmitage', () => {
  it('matches a hand-worked trend test (and R prop.trend.test: X² = z² = 7.2, p = 0.00729)', () => {
    // k = 2, 5, 8 of n = 10 each at scores 1, 2, 3: p̄ = 0.5, s̄ = 2, Σn(s − s̄)² = 20,
    // b = Σk(s − s̄)/20 = 6/20 = 0.3, se₀ = √(0.25/20) = 0.111803, z = 2.683282 (Armitage 1955).
    const t = cochranArmitage([2, 5, 8], [10, 10, 10], [1, 2, 3])!;
    expect(t.slope).toBeCloseTo(0.3, 12);
    expect(t.se).toBeCloseTo(0.111803, 6);
    expect(t.z * t.z).toBeCloseTo(7.2, 10);
    expect(t.p).toBeCloseTo(0.00729, 5);
  });

  it('is undefined without variation in the scores or the outcome', () => {
    expect(cochranArmitage([1, 2], [3, 3], [1, 1])).toBeNull();
    expect(cochranArmitage([0, 0], [3, 3], [1, 2])).toBeNull();
    expect(cochranArmitage([3, 3], [3, 3], [1, 2])).toBeNull();
  });
});
