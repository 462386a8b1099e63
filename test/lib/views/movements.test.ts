import { describe, expect, it } from 'vitest';
import { biggestMovements } from '../../../src/lib/views/movements';
import type { SurveyMetrics } from '../../../src/lib/model/build';
import type { ChangeRow } from '../../../src/lib/model/types';

const change = (metric: ChangeRow['metric'], question: string, segmentValue: string, delta: number, halfWidth: number, significant = true): ChangeRow => ({
  metric, question, segment: segmentValue === 'all' ? 'all' : 'plan', segment_value: segmentValue, period_from: 'P1', period_to: 'P2',
  from: 0, to: delta, delta, delta_low: delta - halfWidth, delta_high: delta + halfWidth, p: 0.001, q: 0.01, significant, test: 'welch_t',
});

describe('biggest movements', () => {
  it('ranks significant changes by standardised size, one per question and cell', () => {
    const changes = [
      change('mean', 'q1', 'pro', 0.4, 0.1), // size 4
      change('top2', 'q1', 'pro', 0.2, 0.04), // size 5: same movement as the mean, kept instead
      change('index', '', 'all', 3, 1), // size 3
      change('mean', 'q2', 'all', 1, 0.1, false), // not significant
      change('nps', 'q3', 'all', 10, 5), // size 2
    ];
    const rows = biggestMovements({ changes } as unknown as SurveyMetrics, 'P2', 3);
    expect(rows.map((r) => `${r.metric}:${r.question}:${r.segment_value}`)).toEqual(['top2:q1:pro', 'index::all', 'nps:q3:all']);
  });
});
