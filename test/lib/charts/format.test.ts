import { describe, expect, it } from 'vitest';
import { fillTemplate, numberFormat, percentFormat, tickFormat } from '../../../src/lib/charts/format';

describe('number formats', () => {
  it('uses the locale’s separators and a fixed number of decimals', () => {
    expect(numberFormat('en', 1)(1234.56)).toBe('1,234.6');
    expect(numberFormat('de', 1)(1234.56)).toBe('1.234,6');
    expect(numberFormat('zh-CN', 0)(12345)).toBe('12,345');
  });

  it('never prints negative zero', () => {
    expect(numberFormat('en', 1)(-0)).toBe('0.0');
    expect(percentFormat('en')(-0)).toBe('0%');
    expect(tickFormat('en')(-0)).toBe('0');
  });

  it('formats values already in percent units', () => {
    expect(percentFormat('en')(42)).toBe('42%');
    expect(percentFormat('en', 1)(28.44)).toBe('28.4%');
    expect(percentFormat('de')(42)).toBe('42\u00a0%'); // German puts a no-break space before %
  });
});

describe('fillTemplate', () => {
  it('fills named placeholders in the caller’s word order', () => {
    expect(fillTemplate('n={n}', { n: '1,200' })).toBe('n=1,200');
    expect(fillTemplate('目标 {value}', { value: 72 })).toBe('目标 72');
    expect(fillTemplate('no placeholders', { n: 1 })).toBe('no placeholders');
  });

  it('rejects an unknown placeholder, naming it and the allowed ones', () => {
    expect(() => fillTemplate('n={count}', { n: 3 })).toThrow('unknown placeholder {count} in label "n={count}"; allowed: {n}');
  });
});
