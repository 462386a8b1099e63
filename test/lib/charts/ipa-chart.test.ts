import { describe, expect, it } from 'vitest';
import { ipaChart, ipaLayout, type IpaRow } from '../../../src/lib/charts/ipa-chart';
import { boxesOverlap } from '../../../src/lib/charts/label-placement';
import { renderChart } from '../../../src/lib/render/render-svg';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';
import { IPA_LABELS_ZH, IPA_ROWS, META_EN, META_ZH } from './fixtures';

const LABELS_EN = {
  x: 'Importance (% of R²)',
  y: 'Performance (0–100)',
  quadrants: { concentrate: 'Concentrate here', keepUp: 'Keep up the good work', lowPriority: 'Low priority', overkill: 'Possible overkill' },
};
/** 16 items packed into a small region: the hard case for label placement. */
const CROWDED: IpaRow[] = [
  'Delivery speed', 'Support response', 'Product quality', 'Price', 'App usability', 'Returns', 'Packaging', 'Member perks',
  'Payment options', 'Repairs', '配送员态度', '发票开具', 'Order tracking', 'Stock availability', 'Website search', '售后维修时效',
].map((item, i) => ({ item, importance: 6 + ((i * 7) % 5) * 0.8 + (i % 3) * 0.3, performance: 60 + ((i * 11) % 9) * 1.5 }));

function expectClearLabels(rows: IpaRow[], labels = IPA_LABELS_ZH): void {
  const layout = ipaLayout(rows, { labels, locale: 'en' });
  expect(layout.labels).toHaveLength(rows.length);
  for (const l of layout.labels) {
    expect(l.overlaps).toBe(false);
    expect(l.box.x0).toBeGreaterThanOrEqual(layout.frame.x0);
    expect(l.box.x1).toBeLessThanOrEqual(layout.frame.x1);
    expect(l.box.y0).toBeGreaterThanOrEqual(layout.frame.y0);
    expect(l.box.y1).toBeLessThanOrEqual(layout.frame.y1);
    for (const c of layout.corners) expect(boxesOverlap(l.box, c.box)).toBe(false);
    for (const p of layout.points) expect(l.box.x0 < p.px + 4 && p.px - 4 < l.box.x1 && l.box.y0 < p.py + 4 && p.py - 4 < l.box.y1).toBe(false);
  }
  for (let i = 0; i < layout.labels.length; i++) {
    for (let j = i + 1; j < layout.labels.length; j++) {
      expect(boxesOverlap(layout.labels[i].box, layout.labels[j].box), `${layout.labels[i].id} / ${layout.labels[j].id}`).toBe(false);
    }
  }
}

describe('ipaLayout', () => {
  it('places every label clear of the other labels, the points and the quadrant names', () => {
    expectClearLabels(IPA_ROWS);
    expectClearLabels(CROWDED, LABELS_EN);
  });

  it('flags the high-importance, low-performance items as "concentrate here"', () => {
    // Means: importance 100/10 = 10, performance 672/10 = 67.2.
    const layout = ipaLayout(IPA_ROWS, { labels: IPA_LABELS_ZH, locale: 'zh-CN' });
    expect(layout.means.importance).toBeCloseTo(10, 12);
    expect(layout.means.performance).toBeCloseTo(67.2, 12);
    expect(layout.points.filter((p) => p.concentrate).map((p) => p.item)).toEqual(['配送速度', '客服响应', '价格']);
  });

  it('puts each quadrant name in its corner', () => {
    const { corners, frame } = ipaLayout(IPA_ROWS, { labels: IPA_LABELS_ZH, locale: 'zh-CN' });
    const at = (key: string) => corners.find((c) => c.key === key)!.box;
    expect(at('overkill').x0).toBe(frame.x0 + 4);
    expect(at('overkill').y0).toBe(frame.y0 + 4);
    expect(at('keepUp').x1).toBe(frame.x1 - 4);
    expect(at('lowPriority').y1).toBe(frame.y1 - 4);
    expect(at('concentrate').x1).toBe(frame.x1 - 4);
    expect(at('concentrate').y1).toBe(frame.y1 - 4);
  });

  it('rejects out-of-range values and repeated items', () => {
    expect(() => ipaLayout([{ item: 'a', importance: 5, performance: 120 }], { labels: LABELS_EN, locale: 'en' })).toThrow('IPA chart: performance 120 for "a" is outside 0–100');
    expect(() => ipaLayout([{ item: 'a', importance: -1, performance: 50 }], { labels: LABELS_EN, locale: 'en' })).toThrow('IPA chart: importance -1 for "a" is invalid');
    expect(() => ipaLayout([IPA_ROWS[0], IPA_ROWS[0]], { labels: LABELS_EN, locale: 'en' })).toThrow('IPA chart: item "配送速度" appears twice');
    expect(() => ipaLayout([], { labels: LABELS_EN, locale: 'en' })).toThrow('IPA chart: no items to plot');
  });
});

describe('ipaChart', () => {
  it('matches the snapshot (Chinese)', () => {
    assertSvgSnapshot('ipa-zh', renderChart(ipaChart(IPA_ROWS, { labels: IPA_LABELS_ZH, locale: 'zh-CN' }), META_ZH));
  });

  it('matches the snapshot (crowded, English and Chinese names, leader lines)', () => {
    assertSvgSnapshot('ipa-crowded', renderChart(ipaChart(CROWDED, { labels: LABELS_EN, locale: 'en' }), META_EN));
  });

  it('draws points exactly where the layout placed them, so labels sit beside their points', () => {
    const layout = ipaLayout(IPA_ROWS, { labels: IPA_LABELS_ZH, locale: 'zh-CN' });
    const out = renderChart(ipaChart(IPA_ROWS, { labels: IPA_LABELS_ZH, locale: 'zh-CN' }), META_ZH);
    const circles = [...out.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    for (const p of layout.points.filter((q) => !q.concentrate)) {
      expect(circles.some(([x, y]) => Math.abs(x - p.px) < 1e-6 && Math.abs(y - p.py) < 1e-6), p.item).toBe(true);
    }
    for (const l of layout.labels) expect(out).toContain(`transform="translate(${l.textX},${l.textY})"`);
  });
});
