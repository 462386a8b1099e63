import { describe, expect, it } from 'vitest';
import { binEdges, clvHistogramChart, quantile } from '../../../src/lib/charts/clv-histogram-chart';
import { intervalDotChart } from '../../../src/lib/charts/interval-dot-chart';
import { holdoutChart } from '../../../src/lib/charts/holdout-chart';
import { renderChart } from '../../../src/lib/render/render-svg';
import { mulberry32 } from '../../../src/lib/util/random';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';

const META = { title: 'Chart', description: 'A chart for a test.', lang: 'en' };
const HIST_LABELS = { x: 'CLV (CNY)', y: 'Customers', median: 'median {value}', mean: 'mean {value}', overflow: 'last bar also counts {count} above {value}' };

/** Seeded, long-tailed values (exponential with mean 1000, one outlier). */
function clvValues(): number[] {
  const random = mulberry32(99);
  return [...Array.from({ length: 300 }, () => -1000 * Math.log(1 - random())), 50_000];
}

describe('clvHistogramChart', () => {
  it('matches the snapshot', () => {
    assertSvgSnapshot('clv-histogram-en', renderChart(clvHistogramChart(clvValues(), { labels: HIST_LABELS, locale: 'en' }), META));
  });

  it('folds the tail into the last bar and says how many it holds', () => {
    const out = renderChart(clvHistogramChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], { labels: HIST_LABELS, locale: 'en', clipQuantile: 0.9, bins: 5 }), META);
    expect(out).toContain('last bar also counts 1 above');
    expect(out).toContain('median 6');
  });

  it('computes type-7 quantiles and round bin edges (worked values)', () => {
    // Hyndman & Fan type 7: h = (n − 1)q; [1, 2, 3, 4] at q = 0.5 → h = 1.5 → 2.5.
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    // Span 0..97 in 10 bins: raw step 9.7 → 10; edges 0, 10, …, 100.
    expect(binEdges(0, 97, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(binEdges(3, 4.4, 4)).toEqual([0, 2, 4, 6]);
  });

  it('rejects empty and non-finite input', () => {
    expect(() => clvHistogramChart([], { labels: HIST_LABELS, locale: 'en' })).toThrow('clv histogram: no values');
    expect(() => clvHistogramChart([1, NaN], { labels: HIST_LABELS, locale: 'en' })).toThrow('clv histogram: invalid value NaN');
  });
});

describe('intervalDotChart', () => {
  const rows = [
    { label: '1 · 非常不满意', value: null, n: 1 },
    { label: '2 · 不满意', value: 66.7, low: 55.4, high: 76.3, n: 75 },
    { label: '3 · 一般', value: 70.7, low: 66.3, high: 74.6, n: 460 },
    { label: '4 · 满意', value: 71.9, low: 68.8, high: 74.8, n: 855 },
    { label: '5 · 非常满意', value: 77.0, low: 73.3, high: 80.4, n: 531 },
  ];
  const labels = { y: '复购客户占比', n: 'n={n}', suppressed: 'n<5' };

  it('matches the snapshot (percent, Chinese labels, one suppressed group)', () => {
    assertSvgSnapshot('interval-dot-zh', renderChart(intervalDotChart(rows, { labels, locale: 'zh-CN', unit: 'percent' }), { ...META, lang: 'zh-CN' }));
  });

  it('prints each estimate, n under every group and the note for a suppressed one', () => {
    const out = renderChart(intervalDotChart(rows, { labels, locale: 'zh-CN', unit: 'percent' }), META);
    expect([...out.matchAll(/>(\d+%)<\/text>/g)].map((m) => m[1]).slice(-4)).toEqual(['67%', '71%', '72%', '77%']);
    expect(out).toContain('n=855');
    expect(out).toContain('n&lt;5');
  });

  it('rejects a repeated group', () => {
    expect(() => intervalDotChart([rows[1], rows[1]], { labels, locale: 'en' })).toThrow('interval dot chart: group "2 · 不满意" appears twice');
  });
});

describe('holdoutChart', () => {
  const rows = ['0', '1', '2', '3', '4', '5', '6', '7+'].map((bucket, i) => ({ bucket, actual: 0.4 + 0.3 * i, predicted: 0.38 + 0.29 * i, customers: 100 - 10 * i }));
  const labels = { x: 'Repeat purchases in calibration', y: 'Holdout purchases per customer', actual: 'actual', predicted: 'predicted' };

  it('matches the snapshot', () => {
    assertSvgSnapshot('holdout-en', renderChart(holdoutChart(rows, { labels, locale: 'en' }), META));
  });

  it('rejects a non-finite mean', () => {
    expect(() => holdoutChart([{ bucket: '0', actual: NaN, predicted: 1, customers: 1 }], { labels, locale: 'en' })).toThrow('holdout chart: invalid value NaN for bucket "0"');
  });
});
