import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChart, paddedDomain } from '../../../src/lib/charts/bar-chart';
import { renderChart } from '../../../src/lib/render/render-svg';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';
import { BAR_ROWS, META_EN, META_ZH } from './fixtures';

describe('barChart', () => {
  it('matches the snapshot (driver importance in %, sorted)', () => {
    assertSvgSnapshot('bar-importance-en', renderChart(barChart(BAR_ROWS, { locale: 'en', digits: 1, unit: 'percent' }), META_EN));
  });

  it('matches the snapshot (theme z-scores with negatives, Chinese labels, caller order)', () => {
    const rows = [{ label: '配送慢', value: 4.2 }, { label: '客服态度', value: 3.1 }, { label: '价格偏高', value: -2.5 }, { label: '包装破损严重', value: 1.2 }, { label: 'refund', value: -0.8 }];
    assertSvgSnapshot('bar-themes-zh', renderChart(barChart(rows, { locale: 'zh-CN', digits: 1, sort: 'none' }), META_ZH));
  });

  it('prints each value at its bar, largest first', () => {
    const out = renderChart(barChart(BAR_ROWS, { locale: 'en', digits: 1, unit: 'percent' }), META_EN);
    const values = [...out.matchAll(/>([\d.]+%)<\/text>/g)].map((m) => m[1]);
    expect(values).toEqual(['31.5%', '28.4%', '22.1%', '18.0%']);
  });

  it('rejects a non-finite value and a repeated label', () => {
    expect(() => barChart([{ label: 'a', value: NaN }], { locale: 'en' })).toThrow('bar chart: invalid value NaN for "a"; expected a finite number');
    expect(() => barChart([{ label: 'a', value: 1 }, { label: 'a', value: 2 }], { locale: 'en' })).toThrow('bar chart: label "a" appears twice');
  });
});

describe('paddedDomain', () => {
  it('leaves exactly the label width beyond the longest bar (worked example)', () => {
    // Values 0..10 on 300 px with a 60 px label: k = (300 − 60)/10 = 24 px/unit,
    // domain [0, 10 + 60/24] = [0, 12.5].
    expect(paddedDomain([10, 5], [60, 30], 300)).toEqual([0, 12.5]);
  });

  it('fits every label inside the plot, on either side of zero (property)', () => {
    const bar = fc.record({ value: fc.double({ min: -1000, max: 1000, noNaN: true }), width: fc.integer({ min: 10, max: 80 }) });
    fc.assert(
      fc.property(fc.array(bar, { minLength: 1, maxLength: 12 }), fc.integer({ min: 300, max: 900 }), (bars, plotWidth) => {
        const [d0, d1] = paddedDomain(bars.map((b) => b.value), bars.map((b) => b.width), plotWidth);
        const px = (v: number) => ((v - d0) / (d1 - d0)) * plotWidth;
        for (const { value, width } of bars) {
          if (value >= 0) expect(px(value) + width).toBeLessThanOrEqual(plotWidth + 1e-6);
          else expect(px(value) - width).toBeGreaterThanOrEqual(-1e-6);
        }
        expect(px(0)).toBeGreaterThanOrEqual(-1e-6);
        expect(px(0)).toBeLessThanOrEqual(plotWidth + 1e-6);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
