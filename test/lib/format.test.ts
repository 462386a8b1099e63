import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatP, roundColumn, roundEdge } from '../../src/lib/format';

describe('formatting at the edge', () => {
  it('rounds floating-point noise away', () => {
    expect(roundEdge(5.55e-15)).toBe(0);
    expect(roundEdge(-5.55e-15)).toBe(0);
    expect(Object.is(roundEdge(-1e-9), 0)).toBe(true);
    expect(roundEdge(0.1 + 0.2)).toBe(0.3);
  });

  it('keeps small p- and q-values as significant digits', () => {
    expect(roundColumn('p', 5.123456e-8)).toBe(5.123e-8);
    expect(roundColumn('gap_q', 0.0123456)).toBe(0.01235);
    expect(roundColumn('delta', 5.123456e-8)).toBe(0);
  });

  it('formats numbers per locale, never as −0', () => {
    expect(formatNumber(-0.04, 'num0', 'en')).toBe('0');
    expect(formatNumber(0.1234, 'pct1', 'zh-CN')).toBe('12.3%');
    expect(formatNumber(1234.5, 'num1', 'en')).toBe('1,234.5');
    expect(formatNumber(null, 'num1', 'en')).toBe('–');
    expect(formatP(0.0004, 'en')).toBe('<0.001');
  });

  it('property: rounding is idempotent and close', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
      const r = roundEdge(x)!;
      expect(roundEdge(r)).toBe(r);
      expect(Math.abs(r - x)).toBeLessThanOrEqual(5e-7 + Math.abs(x) * 1e-15);
    }));
  });
});
