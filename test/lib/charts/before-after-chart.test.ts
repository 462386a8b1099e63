import { describe, expect, it } from 'vitest';
import { beforeAfterChart } from '../../../src/lib/charts/before-after-chart';
import { renderChart } from '../../../src/lib/render/render-svg';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot';
import { BEFORE_AFTER_ROWS, META_ZH } from './fixtures';

const LABELS = { y: 'NPS', start: '开始', done: '完成' };

describe('beforeAfterChart', () => {
  it('matches the snapshot (action started 2024-05, done 2024-09)', () => {
    const options = beforeAfterChart(BEFORE_AFTER_ROWS, { labels: LABELS, locale: 'zh-CN', start: '2024-05', done: '2024-09' });
    assertSvgSnapshot('before-after-zh', renderChart(options, META_ZH));
  });

  it('draws the start rule dashed and the done rule solid, each labelled', () => {
    const out = renderChart(beforeAfterChart(BEFORE_AFTER_ROWS, { labels: LABELS, locale: 'zh-CN', start: '2024-05', done: '2024-09' }), META_ZH);
    expect(out.match(/aria-label="rule"/g)).toHaveLength(2);
    expect(out).toMatch(/aria-label="rule"[^>]*stroke-dasharray="4,3"/);
    expect(out).toContain('>开始</text>');
    expect(out).toContain('>完成</text>');
  });

  it('draws only the start rule for an action still in progress', () => {
    const out = renderChart(beforeAfterChart(BEFORE_AFTER_ROWS, { labels: LABELS, locale: 'zh-CN', start: '2024-05' }), META_ZH);
    expect(out.match(/aria-label="rule"/g)).toHaveLength(1);
    expect(out).not.toContain('>完成</text>');
  });

  it('rejects a period outside the chart and a done before its start', () => {
    expect(() => beforeAfterChart(BEFORE_AFTER_ROWS, { labels: LABELS, locale: 'en', start: '2023-12' })).toThrow(
      'before-after chart: action start period "2023-12" is not among the chart\'s periods (2024-01,',
    );
    expect(() => beforeAfterChart(BEFORE_AFTER_ROWS, { labels: LABELS, locale: 'en', start: '2024-05', done: '2024-03' })).toThrow(
      'before-after chart: done period "2024-03" is before start period "2024-05"',
    );
  });
});
