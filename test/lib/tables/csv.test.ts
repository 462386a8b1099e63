import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/tables/csv';

/**
 * What a spreadsheet sees when it opens a downloaded CSV. Rules checked (OWASP, "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection): a text cell starting with = + - @ tab or
 * CR gets a leading ' so it is shown as text, not run; numbers stay numbers. UTF-8 BOM so Excel
 * reads Chinese (RFC 4180 quoting, CRLF line ends).
 */
const payloads = {
  hyperlink: '=HYPERLINK("http://x")',
  plus: '+1',
  minusFormula: '-1+2',
  at: '@SUM(A1)',
  tab: '\t=1+1',
  cr: '\r=1+1',
  chinese: '客服响应速度，很满意',
};
const columns = ['name', 'text', 'value'];
const rows = [
  ...Object.entries(payloads).map(([name, text]) => ({ name, text, value: -1.5 })),
  { name: 'numbers', text: 'plain', value: -0.25 },
  { name: 'empty', text: null, value: null },
];

describe('toCsv for spreadsheets', () => {
  const csv = toCsv(columns, rows);
  const bytes = Buffer.from(csv, 'utf8');

  it('starts with the UTF-8 byte order mark and ends lines with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
  });

  it('round-trips through a CSV parser with every formula neutralised and Chinese intact', () => {
    const parsed: string[][] = parse(bytes, { bom: true, relax_column_count: false });
    expect(parsed[0]).toEqual(columns);
    const byName = Object.fromEntries(parsed.slice(1).map((r) => [r[0], r]));
    expect(byName.hyperlink[1]).toBe(`'=HYPERLINK("http://x")`);
    expect(byName.plus[1]).toBe(`'+1`);
    expect(byName.minusFormula[1]).toBe(`'-1+2`);
    expect(byName.at[1]).toBe(`'@SUM(A1)`);
    expect(byName.tab[1]).toBe(`'\t=1+1`);
    expect(byName.cr[1]).toBe(`'\r=1+1`);
    expect(byName.chinese[1]).toBe('客服响应速度，很满意');
    // Numbers are written bare, so a spreadsheet reads -1.5 as a number, not as text or a formula.
    expect(byName.numbers[2]).toBe('-0.25');
    expect(byName.hyperlink[2]).toBe('-1.5');
    expect(byName.empty.slice(1)).toEqual(['', '']);
  });

  it('no text cell a spreadsheet reads starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 8 }), (texts) => {
        const parsed: string[][] = parse(Buffer.from(toCsv(['t'], texts.map((t) => ({ t })))), { bom: true });
        parsed.slice(1).forEach(([cell], i) => {
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          // The original text is the cell, or the cell minus the one quote added in front.
          expect(cell === texts[i] || cell === `'${texts[i]}`).toBe(true);
        });
      }),
    );
  });

  it('writes non-finite numbers as empty cells and booleans as words', () => {
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(-3)).toBe('-3');
  });
});
