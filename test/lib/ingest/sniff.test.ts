import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../../src/lib/ingest/sniff';

const sniff = (s: string) => sniffDelimiter(Buffer.from(s, 'utf8'));

describe('sniffDelimiter', () => {
  it.each([
    [',', 'id,套餐,总体满意度\n1,a;b;c;d,5\n'],
    [';', 'id;套餐;总体满意度\n1,2,3,4,5\n'],
    ['\t', 'id\t套餐\t总体满意度\n'],
    ['|', 'id|套餐|总体满意度\n'],
  ])('finds %j from the header line only', (expected, text) => {
    expect(sniff(text)).toBe(expected);
  });

  it('ignores delimiters inside quoted header names', () => {
    expect(sniff('"a;b;c;d";x;y,z\n')).toBe(';');
    expect(sniff('"a;b;c;d";x,y,z\n')).toBe(',');
    expect(sniff('"a,b,c";"d,e";f\n')).toBe(';');
    expect(sniff('"he said ""a;b;c""",x\n')).toBe(',');
  });

  it('skips leading blank lines, and falls back to a comma for a one-column header', () => {
    expect(sniff('\r\n\nid;q\n')).toBe(';');
    expect(sniff('id\n1\n')).toBe(',');
    expect(sniff('')).toBe(',');
  });

  it('breaks ties in the order comma, tab, semicolon, pipe', () => {
    expect(sniff('a;b,c\n')).toBe(',');
    expect(sniff('a;b\tc\n')).toBe('\t');
    expect(sniff('a|b;c\n')).toBe(';');
  });
});
