import { describe, expect, it } from 'vitest';
import type * as Plot from '@observablehq/plot';
import { barChart } from '../../../src/lib/charts/bar-chart';
import { beforeAfterChart } from '../../../src/lib/charts/before-after-chart';
import { clvHistogramChart } from '../../../src/lib/charts/clv-histogram-chart';
import { heatmapChart } from '../../../src/lib/charts/heatmap-chart';
import { holdoutChart } from '../../../src/lib/charts/holdout-chart';
import { intervalDotChart } from '../../../src/lib/charts/interval-dot-chart';
import { ipaChart } from '../../../src/lib/charts/ipa-chart';
import { likertChart } from '../../../src/lib/charts/likert-chart';
import { trendChart } from '../../../src/lib/charts/trend-chart';
import { NARROW_WIDTH, renderChart } from '../../../src/lib/render/render-svg';
import { mulberry32 } from '../../../src/lib/util/random';
import { textBoxes, textProblems, type TextBox } from '../../helpers/svg-text-boxes';
import { BAR_ROWS, BEFORE_AFTER_ROWS, HEATMAP_ROWS, IPA_LABELS_ZH, IPA_ROWS, LIKERT_ROWS, META_EN, META_ZH, MONTHS, TREND_ROWS } from './fixtures';

/**
 * Every chart type at a phone's width (the `narrow` copy of renderChartPair), in Chinese and
 * with long English labels: no text leaves the chart or overlaps another, by the same width
 * estimate the charts lay out with. test/browser/charts.test.ts checks the built site's
 * charts in Chromium.
 */
const SATISFACTION_EN = ['1 · Very dissatisfied', '2 · Dissatisfied', '3 · Neutral', '4 · Satisfied', '5 · Very satisfied'];
const SATISFACTION_ZH = ['1 · 非常不满意', '2 · 不满意', '3 · 一般', '4 · 满意', '5 · 非常满意'];
const dots = (groups: string[]) => groups.map((label, i) => (i === 0
  ? { label, value: null, n: 1 }
  : { label, value: 60 + 4 * i, low: 52 + 5 * i, high: 66 + 3 * i, n: 75 * i * i }));
const LIKERT_EN = ['Features meet needs', 'Purchase and invoicing', 'Support response time', 'Value for money'].flatMap((item, i) =>
  ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'].map((levelLabel, level) => ({ item, level, levelLabel, count: 10 + ((i * 7 + level * 13) % 40) })));
const random = mulberry32(7);
const CLV = [...Array.from({ length: 400 }, () => -1500 * Math.log(1 - random())), 40_000];
const MONTHLY = MONTHS.slice(0, 12).map((period, i) => ({ period, value: 60 + i * 0.7, low: 56 + i * 0.7, high: 64 + i * 0.7 }));

const CHARTS: [string, (width: number) => Plot.PlotOptions, typeof META_EN][] = [
  ['trend, Chinese, target', (width) => trendChart(TREND_ROWS, { labels: { y: '满意度指数', target: '目标 {value}' }, locale: 'zh-CN', target: 75, digits: 1, width }), META_ZH],
  ['trend, 12 months', (width) => trendChart(MONTHLY, { labels: { y: 'Satisfaction index', target: 'target {value}' }, locale: 'en', target: 70, digits: 1, width }), META_EN],
  ['likert, Chinese', (width) => likertChart(LIKERT_ROWS, { labels: { n: 'n={n}', x: '作答占比' }, locale: 'zh-CN', width }), META_ZH],
  ['likert, English', (width) => likertChart(LIKERT_EN, { labels: { n: 'n={n}', x: 'Share of answers' }, locale: 'en', width }), META_EN],
  ['heatmap, Chinese', (width) => heatmapChart(HEATMAP_ROWS, { labels: { suppressed: 'n<30' }, locale: 'zh-CN', width }), META_ZH],
  ['IPA, Chinese', (width) => ipaChart(IPA_ROWS, { labels: IPA_LABELS_ZH, locale: 'zh-CN', width }), META_ZH],
  ['bars, percent', (width) => barChart(BAR_ROWS, { locale: 'en', digits: 1, unit: 'percent', width }), META_EN],
  ['bars, z on both sides', (width) => barChart([{ label: '客服响应速度及问题解决效率', value: 5.57 }, { label: '配送慢', value: 3.1 }, { label: '功能', value: -5.07 }], { locale: 'zh-CN', digits: 2, width }), META_ZH],
  ['before/after', (width) => beforeAfterChart(BEFORE_AFTER_ROWS, { labels: { y: '客服响应速度 (0–100)', start: '开始', done: '完成' }, locale: 'zh-CN', start: '2024-05', done: '2024-09', width, height: 190 }), META_ZH],
  ['interval dots, Chinese', (width) => intervalDotChart(dots(SATISFACTION_ZH), { labels: { y: '复购客户占比', n: 'n={n}', suppressed: 'n<5' }, locale: 'zh-CN', unit: 'percent', width }), META_ZH],
  ['interval dots, English', (width) => intervalDotChart(dots(SATISFACTION_EN), { labels: { y: 'Repeat customers', n: 'n={n}', suppressed: 'n<5' }, locale: 'en', unit: 'percent', width }), META_EN],
  ['holdout', (width) => holdoutChart(['0', '1', '2', '3', '4', '5', '6', '7+'].map((bucket, i) => ({ bucket, actual: 0.4 + 0.3 * i, predicted: 0.38 + 0.29 * i, customers: 100 - 10 * i })), {
    labels: { x: '校准期复购次数', y: '留出期每位客户购买次数', actual: '实际（每位客户）', predicted: '预测（每位客户）' }, locale: 'zh-CN', width,
  }), META_ZH],
  ['CLV histogram, English', (width) => clvHistogramChart(CLV, {
    labels: { x: 'Model CLV (CNY)', y: 'Customers', median: 'median {value}', mean: 'mean {value}', overflow: 'the last bar also counts {count} customers above {value}' }, locale: 'en', width,
  }), META_EN],
];

describe('charts at a phone width', () => {
  it.each(CHARTS)('%s: every label inside the chart and clear of the others', (_, draw, meta) => {
    for (const width of [NARROW_WIDTH, 320]) expect(textProblems(renderChart(draw(width), meta)), `${width} px`).toEqual([]);
  });

  it.each(CHARTS)('%s: the same at a page width', (_, draw, meta) => {
    for (const width of [520, 640]) expect(textProblems(renderChart(draw(width), meta)), `${width} px`).toEqual([]);
  });

  it('thins the Likert axis to every 50 % when 25 % steps would touch, and keeps 25 % on a page', () => {
    const ticks = (width: number) => textBoxes(renderChart(likertChart(LIKERT_ROWS, { labels: { n: 'n={n}' }, locale: 'zh-CN', width }), META_ZH)).boxes
      .map((b) => b.text).filter((t) => t.endsWith('%'));
    expect(ticks(640)).toEqual(['100%', '75%', '50%', '25%', '0%', '25%', '50%', '75%', '100%']);
    expect(ticks(NARROW_WIDTH)).toEqual(['100%', '50%', '0%', '50%', '100%']);
  });

  it('gives item names up to 45 % of a phone chart, so these English ones stay whole', () => {
    const names = textBoxes(renderChart(likertChart(LIKERT_EN, { labels: { n: 'n={n}' }, locale: 'en', width: NARROW_WIDTH }), META_EN)).boxes.map((b) => b.text);
    for (const item of new Set(LIKERT_EN.map((r) => r.item))) expect(names).toContain(item);
  });

  it('names the groups of an interval-dot chart under the dots where they fit, else down the side (a phone, long names)', () => {
    const names = (groups: string[], width: number) => textBoxes(renderChart(intervalDotChart(dots(groups), { labels: { y: 'Repeat customers', n: 'n={n}', suppressed: 'n<5' }, locale: 'en', width }), META_EN))
      .boxes.filter((b) => groups.includes(b.text));
    const rows = (boxes: TextBox[]) => new Set(boxes.map((b) => b.y0)).size;
    const columns = (boxes: TextBox[]) => new Set(boxes.map((b) => b.x1)).size;
    expect(rows(names(SATISFACTION_ZH, 640))).toBe(1); // one row under the plot
    expect(rows(names(SATISFACTION_ZH, 520))).toBe(1);
    expect(columns(names(SATISFACTION_ZH, NARROW_WIDTH))).toBe(1); // one column, right-aligned at the plot
    // The English names would touch side by side at a page's width too (they did at 520 px).
    expect(columns(names(SATISFACTION_EN, 520))).toBe(1);
    expect(rows(names(['Detractors (0–6)', 'Passives (7–8)', 'Promoters (9–10)'], 520))).toBe(1);
  });

  it("keeps the CLV histogram's last tick label inside the chart when the axis ends on it (12,000 was cut at 640 px)", () => {
    const values = [...Array.from({ length: 985 }, (_, i) => (i / 985) * 11_900), ...Array.from({ length: 15 }, () => 40_000)];
    for (const width of [640, 520]) {
      const { width: w, boxes } = textBoxes(renderChart(clvHistogramChart(values, { labels: { x: 'Model CLV (CNY)', y: 'Customers', median: 'median {value}', mean: 'mean {value}', overflow: 'the last bar also counts {count} customers above {value}' }, locale: 'en', width }), META_EN));
      const end = boxes.find((b) => b.text === '12,000');
      expect(end, `${width} px`).toBeDefined();
      expect(end!.x1, `${width} px`).toBeLessThanOrEqual(w);
    }
  });

  it('drops the trend values when they would touch, and keeps them where they fit', () => {
    const values = (width: number) => (renderChart(trendChart(MONTHLY, { labels: { y: 'x' }, locale: 'en', digits: 1, width }), META_EN).match(/>6\d\.\d<\/text>/g) ?? []).length;
    expect(values(640)).toBe(12);
    expect(values(300)).toBe(0);
  });
});
