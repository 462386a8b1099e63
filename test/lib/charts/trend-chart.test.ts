import { describe, expect, it } from 'vitest';
import { trendChart } from '../../../src/lib/charts/trend-chart';
import { renderChart } from '../../../src/lib/render/render-svg';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';
import { META_EN, META_ZH, MONTHS, TREND_ROWS } from './fixtures';

const zh = () => trendChart(TREND_ROWS, { labels: { y: '满意度 (0–100)', target: '目标 {value}' }, locale: 'zh-CN', target: 72, digits: 1 });

describe('trendChart', () => {
  it('matches the snapshot (Chinese labels, target, suppressed quarter)', () => {
    assertSvgSnapshot('trend-zh', renderChart(zh(), META_ZH));
  });

  it('matches the snapshot (English, monthly, thinned ticks, no value labels)', () => {
    const rows = MONTHS.map((period, i) => ({ period, value: 30 + i * 1.5, low: 25 + i * 1.5, high: 36 + i * 1.5 }));
    assertSvgSnapshot('trend-en-monthly', renderChart(trendChart(rows, { labels: { y: 'NPS' }, locale: 'en', yDomain: [0, 60] }), META_EN));
  });

  it('omits the suppressed point and prints the others with their values', () => {
    const out = renderChart(zh(), META_ZH);
    expect(out.match(/<circle /g)).toHaveLength(5);
    for (const v of ['62.4', '64.0', '66.2', '70.3', '68.8']) expect(out).toContain(`>${v}</text>`);
    expect(out).toContain('>目标 72.0</text>');
    expect(out).toContain('>2024-Q3</text>'); // the period keeps its place on the axis
  });

  it('breaks the line and band at the suppressed period instead of bridging it', () => {
    const marks = zh().marks as { ariaLabel?: string; data?: unknown }[];
    const line = marks.find((m) => m.ariaLabel === 'line')!.data as { value: number }[];
    expect(line.map((p) => p.value)).toEqual([62.4, 64, NaN, 66.2, 70.3, 68.8]);
  });

  it('rejects a repeated period', () => {
    expect(() => trendChart([...TREND_ROWS, TREND_ROWS[0]], { labels: { y: 'x' }, locale: 'en' })).toThrow('trend chart: period "2024-Q1" appears twice');
  });
});
