import { describe, expect, it } from 'vitest';
import { joinWords, learnPmiBigrams, mergeBigrams, type PmiBigram } from '../../../../src/lib/analysis/themes/pmi-merge';

describe('learnPmiBigrams', () => {
  // Words: 发 2, 货 2, 快 2, 慢 2, 物流 2 → N = 10. Pairs: 发货 2, 货快 1, 货慢 1, 物流快 1, 物流慢 1 → M = 6.
  // PMI(发, 货) = log₂((2/6) / (2/10 · 2/10)) = log₂(8.333…) = 3.0589; every other pair log₂(4.1667) = 2.0589.
  const runs = [['发', '货', '快'], ['发', '货', '慢'], ['物流', '快'], ['物流', '慢']];

  it('scores pairs by PMI in bits (hand-worked)', () => {
    const all = learnPmiBigrams(runs, { minCount: 1, minPmi: 0 });
    expect(all[0]).toMatchObject({ first: '发', second: '货', merged: '发货', count: 2 });
    expect(all[0].pmi).toBeCloseTo(Math.log2(25 / 3), 12);
    expect(all[0].pmi).toBeCloseTo(3.0589, 4);
    expect(all.slice(1).map((b) => b.pmi.toFixed(4))).toEqual(['2.0589', '2.0589', '2.0589', '2.0589']);
    // Ties are ordered by the merged term.
    expect(all.slice(1).map((b) => b.merged)).toEqual(['物流快', '物流慢', '货快', '货慢']);
  });

  it('applies the minimum count and PMI', () => {
    expect(learnPmiBigrams(runs, { minCount: 2, minPmi: 0 }).map((b) => b.merged)).toEqual(['发货']);
    expect(learnPmiBigrams(runs, { minCount: 1, minPmi: 3 }).map((b) => b.merged)).toEqual(['发货']);
    expect(learnPmiBigrams(runs)).toEqual([]); // default minCount 5
  });

  it('never joins a whole term (a dictionary entry) to a neighbour', () => {
    // Same runs: 发货 would be the strongest pair, but 发 is declared whole.
    expect(learnPmiBigrams(runs, { minCount: 1, minPmi: 0, whole: ['发'] }).map((b) => b.merged)).toEqual(['物流快', '物流慢', '货快', '货慢']);
  });

  it('never pairs words across runs', () => {
    // 快 ends one run and 物流 starts the next: no 快物流 pair.
    expect(learnPmiBigrams([['快'], ['物流']], { minCount: 1, minPmi: -100 })).toEqual([]);
  });

  it('rejects bad settings', () => {
    expect(() => learnPmiBigrams(runs, { minCount: 0 })).toThrow('minCount is 0; must be ≥ 1');
    expect(() => learnPmiBigrams(runs, { minPmi: NaN })).toThrow('minPmi is NaN');
  });
});

describe('mergeBigrams', () => {
  const pair = (first: string, second: string, pmi: number): PmiBigram => ({
    first,
    second,
    merged: joinWords(first, second),
    count: 5,
    pmi,
  });

  it('merges learned pairs, joining CJK without a space and Latin with one', () => {
    expect(mergeBigrams(['发', '货', '很', '快'], [pair('发', '货', 3)])).toEqual(['发货', '很', '快']);
    expect(mergeBigrams(['customer', 'service', 'rude'], [pair('customer', 'service', 4)])).toEqual(['customer service', 'rude']);
    expect(joinWords('客服', 'app')).toBe('客服 app');
  });

  it('lets the stronger of two overlapping pairs win, the left one on a tie', () => {
    expect(mergeBigrams(['a', 'b', 'c'], [pair('a', 'b', 1), pair('b', 'c', 2)])).toEqual(['a', 'b c']);
    expect(mergeBigrams(['a', 'b', 'c'], [pair('a', 'b', 2), pair('b', 'c', 2)])).toEqual(['a b', 'c']);
  });
});
