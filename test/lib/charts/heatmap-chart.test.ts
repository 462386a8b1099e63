import { describe, expect, it } from 'vitest';
import { heatmapChart } from '../../../src/lib/charts/heatmap-chart';
import { renderChart } from '../../../src/lib/render/render-svg';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';
import { HEATMAP_ROWS, META_EN, META_ZH } from './fixtures';

const zh = () => renderChart(heatmapChart(HEATMAP_ROWS, { labels: { suppressed: 'n<5' }, locale: 'zh-CN' }), META_ZH);

describe('heatmapChart', () => {
  it('matches the snapshot (Chinese items and segments, one suppressed cell)', () => {
    assertSvgSnapshot('heatmap-zh', zh());
  });

  it('rotates long segment names and matches the snapshot', () => {
    const rows = ['North-east region', 'South-west region', 'Online marketplace customers'].flatMap((segment, j) =>
      ['Delivery', 'Support'].map((item, i) => ({ item, segment, value: 3.2 + i * 0.5 + j * 0.4 })),
    );
    const out = renderChart(heatmapChart(rows, { labels: { suppressed: 'n<5' }, locale: 'en', digits: 1, width: 360 }), META_EN);
    expect(out).toContain('rotate(-45)');
    assertSvgSnapshot('heatmap-en-rotated', out);
  });

  it('hatches a suppressed cell and prints the small-base note, escaped', () => {
    const out = zh();
    expect(out.match(/fill="url\(#c[0-9a-z]+-\d+\)"/g)).toHaveLength(1);
    expect(out).toContain('>n&lt;5</text>');
    expect(out).not.toContain('>n<5<');
  });

  it('prints values in white on dark cells and in dark ink on light ones', () => {
    // Shown values run 40–94; cells past 55% of that range (> 69.7) are dark.
    const out = zh();
    const group = (fill: string) => new RegExp(`<g aria-label="text" fill="${fill}"[^>]*>(.*?)</g>`).exec(out)![1];
    const values = (g: string) => [...g.matchAll(/>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.max(...values(group('#1a1a1a')))).toBeLessThanOrEqual(69);
    expect(Math.min(...values(group('#ffffff')))).toBeGreaterThanOrEqual(70);
  });

  it('rejects two rows for the same cell', () => {
    expect(() => heatmapChart([HEATMAP_ROWS[0], HEATMAP_ROWS[0]], { labels: { suppressed: 'x' }, locale: 'en' })).toThrow('heatmap chart: item "配送速度" in segment "华东" appears twice');
  });
});
