import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/lib/sample/csv-writer';

// Expected quoting worked by hand from RFC 4180 §2 (rules 5–7): fields holding a comma,
// a double quote or a line break are enclosed in quotes, and quotes inside are doubled.
describe('csvField', () => {
  it('leaves plain fields alone', () => {
    expect(csvField('满意')).toBe('满意');
    expect(csvField(42)).toBe('42');
    expect(csvField('')).toBe('');
    expect(csvField('价格偏高，性价比一般')).toBe('价格偏高，性价比一般'); // full-width comma is data
  });
  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('希望增加"批量导出"功能')).toBe('"希望增加""批量导出""功能"');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b')).toBe('a;b');
  });
});

describe('toCsv', () => {
  it('writes header and rows with the chosen line end and BOM', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\n1,"x,y"\n');
    expect(toCsv(['a'], [['1']], { eol: '\r\n', bom: true })).toBe('\ufeffa\r\n1\r\n');
  });
  it('refuses ragged rows and unusable delimiters', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow('toCsv: row 1 has 1 fields, the header has 2');
    expect(() => toCsv(['a'], [], { delimiter: '"' })).toThrow('delimiter "\\"" not allowed');
  });
  it('round-trips any text through csv-parse (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '满', ',', '"', '\n', '\r', ' ', '，', 'x', '\u3000') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), fc.boolean(), (width, rows, crlf) => {
        const header = ['h1', 'h2', 'h3', 'h4'].slice(0, width);
        const body = rows.map((r) => r.slice(0, width));
        const csv = toCsv(header, body, { eol: crlf ? '\r\n' : '\n', bom: true });
        const back = parse(csv, { bom: true, relax_column_count: false }) as string[][];
        expect(back).toEqual([header, ...body]);
      }),
      { seed: 20250101, numRuns: 300 },
    );
  });
});
