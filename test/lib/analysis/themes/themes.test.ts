import { describe, expect, it } from 'vitest';
import { findThemes, type SurveyComment } from '../../../../src/lib/analysis/themes/themes';
import { COMMENTS } from './fixtures/comments';

describe('findThemes', () => {
  it('puts the term dissatisfied comments use far more often at the top, with positive z', () => {
    const themes = findThemes(COMMENTS);
    // 物流 is in 8 of 12 dissatisfied comments and 1 of 12 satisfied ones.
    expect(themes.dissatisfied[0]).toMatchObject({ term: '物流', side: 'dissatisfied', docsDissatisfied: 8, docsSatisfied: 1 });
    expect(themes.dissatisfied[0].z).toBeGreaterThan(0);
    // 客服 is the satisfied side's marker (6 vs 1), with negative z.
    expect(themes.satisfied[0]).toMatchObject({ term: '客服', side: 'satisfied', docsDissatisfied: 1, docsSatisfied: 6 });
    expect(themes.satisfied[0].z).toBeLessThan(0);
    expect(themes.comments).toEqual({ dissatisfied: 12, satisfied: 12, other: 4 });
  });

  it('picks up to 3 quotes: shortest distinct comments first, ties in input order, masked', () => {
    const themes = findThemes(COMMENTS);
    // 物流太慢了, 物流真的慢 and 物流速度慢 have 5 characters each, in this input order.
    expect(themes.dissatisfied[0].quotes).toEqual(['物流太慢了', '物流真的慢', '物流速度慢']);
    const all = findThemes(COMMENTS, { minDocs: 2, quotes: 10 });
    const quotes = [...all.dissatisfied, ...all.satisfied].flatMap((t) => t.quotes);
    expect(quotes).toContain('物流慢，客服也不回，电话[phone]打不通');
    expect(quotes).toContain('the delivery took two weeks, email me at [email]');
    expect(quotes.join('\n')).not.toMatch(/13812345678|li\.lei@example\.com/);
  });

  it('treats quotes that differ only in punctuation, spaces or case as one', () => {
    const comments: SurveyComment[] = [
      ...['发票太慢。', '发票太慢', '发票 太慢！', '发票开得慢', '发票要等一周'].map((text) => ({ text, group: 'dissatisfied' as const })),
      ...['服务好', '服务周到', '服务专业'].map((text) => ({ text, group: 'satisfied' as const })),
    ];
    const theme = findThemes(comments, { pmi: false }).dissatisfied.find((t) => t.term === '发票')!;
    // Shortest first: 发票太慢 (4) beats 发票太慢。/发票 太慢！ (5), which are the same quote.
    expect(theme.quotes).toEqual(['发票太慢', '发票开得慢', '发票要等一周']);
    expect(theme.docsDissatisfied).toBe(5);
  });

  it('keeps dictionary terms whole: a frequent pair with one never merges', () => {
    const comments: SurveyComment[] = Array.from({ length: 6 }, (_, i) => ({ text: `价格偏高 ${i}`, group: 'dissatisfied' as const }));
    comments.push(...['服务好', '服务周到', '服务专业'].map((text) => ({ text, group: 'satisfied' as const })));
    const pmi = { minPmi: 0 };
    expect(findThemes(comments, { pmi }).mergedPairs.map((p) => p.merged)).toEqual(['价格偏高']);
    expect(findThemes(comments, { pmi, dictionary: ['价格'] }).mergedPairs).toEqual([]);
  });

  it('never turns personal data into a term', () => {
    const themes = findThemes(COMMENTS, { minDocs: 1, top: 100 });
    const terms = [...themes.dissatisfied, ...themes.satisfied].map((t) => t.term);
    expect(terms.some((t) => /example|lei|138/.test(t))).toBe(false);
  });

  it('honours minDocs, top and period, and merges frequent pairs', () => {
    const withPeriods: SurveyComment[] = [
      ...COMMENTS,
      ...Array.from({ length: 5 }, (_, i) => ({ text: `退款太慢 ${i}`, group: 'dissatisfied' as const, period: '2026-Q2' })),
    ];
    // In 2026-Q1 退款 is in one comment only, below minDocs 3. Over all periods the five
    // 2026-Q2 comments make 退款|太慢 a frequent, high-PMI pair, merged into one term.
    const q1 = findThemes(withPeriods, { period: '2026-Q1' }).dissatisfied.map((t) => t.term);
    expect(q1.filter((t) => t.includes('退款'))).toEqual([]);
    const allPeriods = findThemes(withPeriods);
    expect(allPeriods.mergedPairs.map((p) => p.merged)).toContain('退款太慢');
    expect(allPeriods.dissatisfied.find((t) => t.term === '退款太慢')).toMatchObject({ docsDissatisfied: 5, docsSatisfied: 0 });
    expect(findThemes(COMMENTS, { top: 1, minDocs: 2 }).dissatisfied).toHaveLength(1);
    expect(findThemes(withPeriods, { period: '2026-Q2' })).toMatchObject({ dissatisfied: [], satisfied: [] });
  });

  it('is deterministic for the same input', () => {
    expect(findThemes(COMMENTS, { minDocs: 2 })).toEqual(findThemes(COMMENTS, { minDocs: 2 }));
  });

  it('returns no themes for no comments, and rejects unknown groups', () => {
    expect(findThemes([])).toMatchObject({ dissatisfied: [], satisfied: [], comments: { dissatisfied: 0, satisfied: 0, other: 0 } });
    const bad = [{ text: 'x', group: 'angry' }] as unknown as SurveyComment[];
    expect(() => findThemes(bad)).toThrow('comment 1 has group "angry"; allowed: dissatisfied, satisfied, other');
    expect(() => findThemes(COMMENTS, { top: -1 })).toThrow('top is -1');
  });
});
