import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/config';
import { commentGrouping } from '../../../src/lib/model/comment-groups';
import type { SurveyThemes, ThemeRow } from '../../../src/lib/model/themes';
import { CLEAR_Z, groupValues, themeScopes, themeView } from '../../../src/lib/views/themes';

const yaml = `
title: Test
locale: en
responses: { files: x.csv }
scales: { s5: { points: 5 }, yn: { points: 2, min: 0, labels: { "yes": 1, "no": 0 } } }
questions:
  - { id: o, column: o, label: Overall, scale: s5, role: overall }
  - { id: r, column: r, label: Resolved, scale: yn, role: outcome, positive: "yes" }
`;

const row = (period: string, group: ThemeRow['group'], rank: number): ThemeRow => ({
  period, group, rank, term: `${group}${rank}`, also: [], docs: 3, docs_dissatisfied: 3, docs_satisfied: 0, z: group === 'dissatisfied' ? 2 : -2, examples: [],
});

describe('theme views', () => {
  const config = parseConfig(yaml, '/tmp/survey.yaml');
  const themes: SurveyThemes = {
    grouping: commentGrouping(config),
    scopes: [
      { period: 'total', comments: { dissatisfied: 6, satisfied: 9, other: 1 }, analysed: { dissatisfied: 6, satisfied: 9, other: 1 } },
      { period: '2026-Q1', comments: { dissatisfied: 2, satisfied: 9, other: 0 }, analysed: { dissatisfied: 2, satisfied: 9, other: 0 } },
    ],
    rows: [row('total', 'dissatisfied', 2), row('total', 'dissatisfied', 1), row('total', 'satisfied', 1), row('2026-Q1', 'dissatisfied', 1)],
  };

  it('shows the top themes in rank order, and none when a group has too few comments', () => {
    const v = themeView(themes, 'total', 1, 5);
    expect(v.dissatisfied.map((r) => r.term)).toEqual(['dissatisfied1']);
    expect(v.satisfied.map((r) => r.term)).toEqual(['satisfied1']);
    expect(themeView(themes, '2026-Q1', 5, 5)).toMatchObject({ tooFew: true, dissatisfied: [], satisfied: [] });
  });

  it('lists all periods first, then periods latest first; one period needs no section of its own', () => {
    expect(themeScopes(['2025-Q4', '2026-Q1'])).toEqual(['total', '2026-Q1', '2025-Q4']);
    expect(themeScopes(['all'])).toEqual(['total']);
  });

  it('describes the groups as a range of levels, or by label for a yes/no item', () => {
    expect(groupValues(config, themes.grouping, 'en')).toEqual({ question: 'Overall', dissatisfied: '1–2', satisfied: '4–5' });
    const noOverall = parseConfig(yaml.replace(/  - \{ id: o.*\n/, ''), '/tmp/survey.yaml');
    const g = groupValues(noOverall, commentGrouping(noOverall), 'en');
    expect(g.question).toBe('Resolved');
    expect([g.dissatisfied, g.satisfied]).toEqual([noOverall.questions[0].scale.levelLabels.en[0], noOverall.questions[0].scale.levelLabels.en[1]]);
  });

  it('uses the two-sided 5% normal quantile as the bar for a clear difference', () => {
    // Φ⁻¹(0.975) = 1.959963984540054 (e.g. scipy.stats.norm.ppf(0.975)).
    expect(CLEAR_Z).toBeCloseTo(1.959963984540054, 15);
  });
});
