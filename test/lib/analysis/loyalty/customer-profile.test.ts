import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { parseConfig } from '../../../../src/lib/config';
import { customerProfiles, npsGroupOf } from '../../../../src/lib/analysis/loyalty/customer-profile';
import type { Responses } from '../../../../src/lib/ingest/types';

const config = parseConfig(`
title: T
responses: { files: x.csv, customer: c, date: d }
segments: [{ id: plan, column: plan }]
scales: { s5: { points: 5 }, n11: { points: 11 } }
questions:
  - { id: o, column: o, scale: s5, role: overall }
  - { id: n, column: n, scale: n11, role: nps }
`, '/tmp/survey.yaml');

describe('customerProfiles', () => {
  // Rows in file order; periods listed in time order. C1 answers in Q2 (first row) and Q1;
  // its Q2 answer skips the overall item, so satisfaction comes from Q1.
  const responses: Responses = {
    table: aq.table({
      period: ['2025-Q2', '2025-Q1', '2025-Q1', '2025-Q1', '2025-Q1'],
      plan: ['Pro', 'Free', 'Free', 'Pro', 'Ent'],
      o: Float64Array.of(NaN, 2, 5, 4, 3),
      n: Float64Array.of(9, 3, 7, 10, 8),
    }),
    periods: ['2025-Q1', '2025-Q2'],
    customers: ['C1', 'C1', 'C2', 'C2', null],
    accounting: { files: [], rowsRead: 5, used: 5, rejected: 0, byReason: {}, missingRate: {} },
    rejected: [],
  };
  const p = customerProfiles(responses, config);

  it('takes segments from the latest period, satisfaction and NPS from the latest answer given', () => {
    expect(p.get('C1')).toEqual({ segments: { plan: 'Pro' }, satisfaction: 2, npsGroup: 'promoter' });
  });

  it('within a period takes the row read last', () => {
    expect(p.get('C2')).toEqual({ segments: { plan: 'Pro' }, satisfaction: 4, npsGroup: 'promoter' });
  });

  it('skips rows without a customer id', () => {
    expect([...p.keys()]).toEqual(['C1', 'C2']);
  });

  it('groups NPS answers as 0–6, 7–8, 9–10', () => {
    expect([0, 6, 7, 8, 9, 10, NaN].map(npsGroupOf)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter', null]);
  });
});
