/** Fixed, hand-written chart inputs shared by the chart tests (no real respondents). */
import type { BarRow } from '../../../src/lib/charts/bar-chart';
import type { BeforeAfterRow } from '../../../src/lib/charts/before-after-chart';
import type { HeatmapRow } from '../../../src/lib/charts/heatmap-chart';
import type { IpaRow } from '../../../src/lib/charts/ipa-chart';
import type { LikertRow } from '../../../src/lib/charts/likert-chart';
import type { TrendRow } from '../../../src/lib/charts/trend-chart';

export const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'];

export const TREND_ROWS: TrendRow[] = [
  { period: '2024-Q1', value: 62.4, low: 58.1, high: 66.7 },
  { period: '2024-Q2', value: 64.0, low: 59.9, high: 68.1 },
  { period: '2024-Q3', value: null, suppressed: true },
  { period: '2024-Q4', value: 66.2, low: 62.5, high: 69.9 },
  { period: '2025-Q1', value: 70.3, low: 66.0, high: 74.6 },
  { period: '2025-Q2', value: 68.8, low: 64.2, high: 73.4 },
];

export const LIKERT_LEVELS_ZH = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
const LIKERT_COUNTS: [string, number[]][] = [
  ['配送速度', [10, 20, 30, 25, 15]],
  ['客服响应速度及问题解决效率', [45, 75, 60, 75, 45]],
  ['产品质量', [8, 20, 52, 180, 140]],
  ['价格', [100, 150, 125, 75, 50]],
  ['App 易用性', [48, 72, 180, 180, 120]],
];
export const LIKERT_ROWS: LikertRow[] = LIKERT_COUNTS.flatMap(([item, counts]) =>
  counts.map((count, i) => ({ item, level: i + 1, levelLabel: LIKERT_LEVELS_ZH[i], count })),
);

export const SEGMENTS_ZH = ['华东', '华南', '华北', '西部地区'];
export const HEATMAP_ROWS: HeatmapRow[] = LIKERT_COUNTS.map(([item]) => item).flatMap((item, i) =>
  SEGMENTS_ZH.map((segment, j) => ({ item, segment, value: 40 + ((i * 17 + j * 23) % 55), suppressed: i === 3 && j === 3 })),
);

export const IPA_ROWS: IpaRow[] = [
  { item: '配送速度', importance: 18, performance: 62 },
  { item: '客服响应', importance: 15, performance: 55 },
  { item: '产品质量', importance: 22, performance: 80 },
  { item: '价格', importance: 12, performance: 48 },
  { item: 'App 易用性', importance: 5, performance: 75 },
  { item: '退换货', importance: 9, performance: 58 },
  { item: '包装', importance: 3, performance: 82 },
  { item: '会员权益', importance: 4, performance: 70 },
  { item: '支付方式', importance: 2, performance: 85 },
  { item: '售后维修', importance: 10, performance: 57 },
];

export const IPA_LABELS_ZH = {
  x: '重要性（R² 占比 %）',
  y: '表现（0–100）',
  quadrants: { concentrate: '重点改进', keepUp: '继续保持', lowPriority: '次要', overkill: '可能过度' },
};

export const BAR_ROWS: BarRow[] = [
  { label: 'Delivery speed', value: 28.4 },
  { label: 'Support', value: 22.1 },
  { label: 'Product quality', value: 31.5 },
  { label: 'Price', value: 18 },
];

export const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02'];
export const BEFORE_AFTER_ROWS: BeforeAfterRow[] = MONTHS.map((period, i) => ({ period, value: 30 + i * 1.5 + (i % 3) * 2, suppressed: i === 7 }));

export const META_ZH = { title: '图表', description: '用于测试的固定数据。', lang: 'zh-CN' };
export const META_EN = { title: 'Chart', description: 'Fixed test data.', lang: 'en' };
