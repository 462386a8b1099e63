import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { largeQuarterSizes, writeLargeQuarter } from '../../../src/lib/sample/large';
import { RESPONSE_HEADER } from '../../../src/lib/sample/responses';
import { RESPONSES_PER_QUARTER } from '../../../src/lib/sample/spec';

const text = (seed: number, quarter: number, n: number) => {
  const chunks: string[] = [];
  writeLargeQuarter(seed, quarter, n, (c) => chunks.push(c));
  return chunks.join('');
};

describe('bigger data sets in the sample shape (benchmark)', () => {
  it('splits the responses over the quarters in the sample proportions, to the exact total', () => {
    // Largest remainder: 100 000 × 668 / 6039 = 11 061.4…, and the eight sizes sum to 100 000.
    const sizes = largeQuarterSizes(100_000);
    expect(sizes.reduce((a, q) => a + q.responses, 0)).toBe(100_000);
    expect(sizes[0]).toEqual({ label: '2025-Q1', responses: 11_061 });
    expect(largeQuarterSizes(6039).map((q) => q.responses)).toEqual(RESPONSES_PER_QUARTER);
    expect(() => largeQuarterSizes(3)).toThrow('responses: expected an integer ≥ 8, got 3');
  });

  it('writes the sample columns with unique ids, BOM and the 2025 files in CRLF, the same for the same seed', () => {
    const q1 = text(7, 0, 1500); // more than one block of the sample's wave size
    expect(q1.startsWith('\ufeff答卷编号,')).toBe(true);
    expect(q1.includes('\r\n')).toBe(true);
    expect(text(7, 4, 10).includes('\r\n')).toBe(false);
    const rows = parse(q1, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...RESPONSE_HEADER]);
    expect(rows.length).toBe(1501);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(1500);
    expect(ids[0]).toBe('R2025Q1-0000001');
    expect(text(7, 0, 1500)).toBe(q1);
    expect(text(8, 0, 1500)).not.toBe(q1);
  });
});
