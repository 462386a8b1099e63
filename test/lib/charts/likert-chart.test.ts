import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likertChart, likertLayout, type LikertRow } from '../../../src/lib/charts/likert-chart';
import { renderChart } from '../../../src/lib/render/render-svg';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';
import { LIKERT_LEVELS_ZH, LIKERT_ROWS, META_EN, META_ZH } from './fixtures';

const rowsFor = (item: string, counts: number[], labels = counts.map((_, i) => `L${i + 1}`)): LikertRow[] =>
  counts.map((count, i) => ({ item, level: i + 1, levelLabel: labels[i], count }));

describe('likertLayout', () => {
  it('splits the neutral level across zero and stacks outwards (worked example)', () => {
    // Counts 10/20/30/25/15 of n = 100: negative 30%, neutral 30% → ±15, positive 40%.
    // Left: level 2 from −15 to −35, level 1 from −35 to −45. Right: level 4 from 15 to 40,
    // level 5 from 40 to 55 (Robbins & Heiberger 2011, fig. 1 layout).
    const { segments, items } = likertLayout(rowsFor('a', [10, 20, 30, 25, 15]));
    const at = (level: number) => segments.find((s) => s.level === level)!;
    expect([at(1).x1, at(1).x2]).toEqual([-35, -45]);
    expect([at(2).x1, at(2).x2]).toEqual([-15, -35]);
    expect([at(3).x1, at(3).x2]).toEqual([-15, 15]);
    expect([at(4).x1, at(4).x2]).toEqual([15, 40]);
    expect([at(5).x1, at(5).x2]).toEqual([40, 55]);
    expect(items).toEqual([{ item: 'a', n: 100, positive: 40, negative: 30 }]);
  });

  it('sorts rows by % positive, then fewer negatives, then name', () => {
    // 产品质量 320/400 = 80%; App 300/600 = 50%; 配送速度 and 客服… both 40%, with 30% vs
    // 40% negative; 价格 125/500 = 25%.
    expect(likertLayout(LIKERT_ROWS).items.map((i) => i.item)).toEqual(['产品质量', 'App 易用性', '配送速度', '客服响应速度及问题解决效率', '价格']);
  });

  it('has no neutral on an even scale and can switch it off on an odd one', () => {
    const even = likertLayout(rowsFor('a', [1, 1, 1, 1]));
    expect(even.neutral).toBeNull();
    expect(even.segments.map((s) => [s.level, s.x1, s.x2])).toEqual([[2, 0, -25], [1, -25, -50], [3, 0, 25], [4, 25, 50]]);
    expect(likertLayout(rowsFor('a', [1, 1, 1]), null).segments.every((s) => s.level !== 2 || s.x1 === 0)).toBe(true);
  });

  it('keeps segments contiguous and its extents equal to the shares (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 11 }).chain((k) => fc.array(fc.nat(500), { minLength: k, maxLength: k })), (counts) => {
        fc.pre(counts.some((c) => c > 0));
        const { segments, items } = likertLayout(rowsFor('a', counts));
        const [{ positive, negative }] = items;
        const total = segments.reduce((s, x) => s + x.percent, 0);
        expect(total).toBeCloseTo(100, 9);
        const neutral = counts.length % 2 === 1 ? segments.find((s) => s.x1 < 0 && s.x2 > 0 && s.x1 === -s.x2)?.percent ?? 0 : 0;
        expect(Math.min(...segments.flatMap((s) => [s.x1, s.x2]))).toBeCloseTo(-(negative + neutral / 2), 9);
        expect(Math.max(...segments.flatMap((s) => [s.x1, s.x2]))).toBeCloseTo(positive + neutral / 2, 9);
        for (const s of segments) expect(Math.abs(s.x2 - s.x1)).toBeCloseTo(s.percent, 9);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('rejects inconsistent labels, an unsupported scale, a bad neutral and empty items', () => {
    expect(() => likertLayout([...rowsFor('a', [1, 1]), { item: 'b', level: 1, levelLabel: 'other', count: 1 }])).toThrow('likert chart: level 1 is labelled both "L1" and "other"');
    expect(() => likertLayout(rowsFor('a', Array(12).fill(1)))).toThrow('invalid number of scale levels: 12; allowed: 2–11');
    expect(() => likertLayout(rowsFor('a', [1, 1, 1]), 7)).toThrow('likert chart: neutral level 7 is not one of the levels 1, 2, 3');
    expect(() => likertLayout(rowsFor('a', [0, 0, 0]))).toThrow('likert chart: item "a" has no answers');
    expect(() => likertLayout(rowsFor('a', [1, -1, 1]))).toThrow('likert chart: invalid count -1 for item "a", level 2; expected a number ≥ 0');
  });
});

describe('likertChart', () => {
  const zh = () => renderChart(likertChart(LIKERT_ROWS, { labels: { n: 'n={n}', x: '回答占比' }, locale: 'zh-CN' }), META_ZH);

  it('matches the snapshot (Chinese, 5-point scale)', () => {
    assertSvgSnapshot('likert-zh', zh());
  });

  it('matches the snapshot (English, 4-point scale without neutral)', () => {
    const labels = ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'];
    const rows = [...rowsFor('Easy to order', [5, 10, 50, 35], labels), ...rowsFor('Fair price', [20, 30, 35, 15], labels)];
    assertSvgSnapshot('likert-en-even', renderChart(likertChart(rows, { labels: { n: 'n = {n}' }, locale: 'en' }), META_EN));
  });

  it('prints n at each row and a legend with the level labels in scale order', () => {
    const out = zh();
    for (const n of ['400', '600', '100', '300', '500']) expect(out).toContain(`>n=${n}</text>`);
    const legend = [...out.matchAll(/<\/svg>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(legend).toEqual(LIKERT_LEVELS_ZH);
    expect(out).toContain('>100%</text>');
  });
});
