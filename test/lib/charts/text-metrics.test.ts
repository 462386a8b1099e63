import { describe, expect, it } from 'vitest';
import { estimateTextWidth, isWideCodePoint, labelMarginMax, marginForLabels, textEms, truncateToWidth } from '../../../src/lib/charts/text-metrics';

describe('text width estimates', () => {
  it('counts CJK and full-width characters as 1 em and others as 0.6 em', () => {
    expect(textEms('满意度')).toBe(3);
    expect(textEms('NPS')).toBeCloseTo(1.8, 12);
    expect(textEms('App 易用性')).toBeCloseTo(4 * 0.6 + 3, 12); // "App " is 4 narrow characters
    expect(textEms('（）')).toBe(2); // full-width parentheses
    expect(textEms('한국')).toBe(2);
    expect(estimateTextWidth('满意度', 12)).toBe(36);
  });

  it('treats CJK extension B as wide (astral code points are one character)', () => {
    expect(isWideCodePoint('𠀀'.codePointAt(0)!)).toBe(true);
    expect(textEms('𠀀')).toBe(1);
  });

  it('truncates to the width with an ellipsis, leaving short text alone', () => {
    expect(truncateToWidth('配送', 100)).toBe('配送');
    // 60 px at 10 px/em = 6 em; one em is kept for the ellipsis, so 5 ideographs fit.
    expect(truncateToWidth('客服响应速度及问题解决效率', 60)).toBe('客服响应速…');
    expect(estimateTextWidth(truncateToWidth('Customer support response time', 80))).toBeLessThanOrEqual(80);
  });

  it('sizes a left margin to the longest label, within bounds', () => {
    expect(marginForLabels(['价格', '客服响应速度'])).toBe(60 + 14);
    expect(marginForLabels(['a'])).toBe(40);
    expect(marginForLabels(['客'.repeat(100)], { max: 200 })).toBe(200);
  });

  it('lets labels take 45 % of a phone chart, and only their own share of a page chart', () => {
    expect(labelMarginMax(640, 0.35)).toBe(224);
    expect(labelMarginMax(520, 0.4)).toBe(208);
    expect(labelMarginMax(360, 0.35)).toBe(162);
    expect(labelMarginMax(360, 0.5)).toBe(180);
  });
});
