import { describe, expect, it } from 'vitest';
import { sparklineChart } from '../../../src/lib/charts/sparkline-chart';
import { renderChart } from '../../../src/lib/render/render-svg';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';
import { META_EN, TREND_ROWS } from './fixtures';

describe('sparklineChart', () => {
  const out = () => renderChart(sparklineChart(TREND_ROWS), META_EN);

  it('matches the snapshot', () => {
    assertSvgSnapshot('sparkline', out());
  });

  it('is 120×32 with no axes or text, and marks only the last point', () => {
    const svg = out();
    expect(svg).toContain('viewBox="0 0 120 32"');
    expect(svg).not.toContain('<text');
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toMatch(/<circle cx="116"/); // the last period sits at the right inset
  });

  it('marks the last shown point when the latest period is suppressed', () => {
    const rows = [...TREND_ROWS.slice(0, 5), { ...TREND_ROWS[5], suppressed: true }];
    const marks = sparklineChart(rows).marks as { ariaLabel?: string; data?: unknown }[];
    expect(marks.find((m) => m.ariaLabel === 'dot')!.data).toEqual([{ period: '2025-Q1', value: 70.3 }]);
  });
});
