import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv, type CsvEngine } from '../../../src/lib/ingest/csv';
import { decodeBytes } from '../../../src/lib/ingest/decode';
import { sniffDelimiter, type Delimiter } from '../../../src/lib/ingest/sniff';
import { CsatError } from '../../../src/lib/errors';
import { writeCsv } from './_helpers';

const both = (text: string | Buffer, delimiter: Delimiter = ',') => {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const fast = parseCsv(bytes, delimiter, 'x.csv', 'fast');
  const slow = parseCsv(bytes, delimiter, 'x.csv', 'csv-parse');
  expect(fast).toEqual(slow);
  return fast;
};
const fallbacks = (text: string) => readCsv(Buffer.from(text), ',', 'x.csv', () => {}, 'fast').fallbacks;

describe('CSV records (fast scanner and csv-parse agree)', () => {
  it('reads LF, CRLF, lone CR and mixed line endings, numbering physical lines', () => {
    expect(both('a,b\n1,2\n')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
    expect(both('a,b\r\n1,2\r\n').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
    expect(both('a,b\r\n1,2\n3,4\r5,6').map((r) => [r.line, ...r.fields])).toEqual([[1, 'a', 'b'], [2, '1', '2'], [3, '3', '4'], [4, '5', '6']]);
  });

  it('keeps delimiters, quotes and line breaks inside quoted fields, and counts their lines', () => {
    const records = both('id,comment\n1,"好,很好"\n2,"第一行\r\n第二行\n第三行"\n3,"他说""行"""\n4,x\n');
    expect(records).toEqual([
      { line: 1, fields: ['id', 'comment'] },
      { line: 2, fields: ['1', '好,很好'] },
      { line: 3, fields: ['2', '第一行\r\n第二行\n第三行'] },
      { line: 6, fields: ['3', '他说"行"'] },
      { line: 7, fields: ['4', 'x'] },
    ]);
  });

  it('skips empty lines but counts them, and keeps a line of spaces as a record', () => {
    expect(both('a,b\n\n1,2\r\n\r\n  \n3,4\n\n').map((r) => [r.line, ...r.fields])).toEqual([[1, 'a', 'b'], [3, '1', '2'], [5, '  '], [6, '3', '4']]);
  });

  it('keeps a quote inside an unquoted field as written (relax_quotes)', () => {
    expect(both('a,b\n1,他说"好"\n2,5"\n')[1].fields).toEqual(['1', '他说"好"']);
    expect(fallbacks('a,b\n1,他说"好"\n')).toBe(0);
  });

  it('hands a closing quote followed by text to csv-parse, and goes on scanning after it', () => {
    const records = both('a,b\n1,"x"y\n2,3\n');
    expect(records[1]).toEqual({ line: 2, fields: ['1', '"x"y'] });
    expect(records[2]).toEqual({ line: 3, fields: ['2', '3'] });
    expect(fallbacks('a,b\n1,"x"y\n2,3\n')).toBe(1);
  });

  it('gives ragged records as they are, trailing delimiters as an empty field, and strips a BOM', () => {
    expect(both('\ufeffa,b,\n1\n1,2,3,4\n"",\n').map((r) => r.fields)).toEqual([['a', 'b', ''], ['1'], ['1', '2', '3', '4'], ['', '']]);
  });

  it.each(['fast', 'csv-parse'] as CsvEngine[])('%s: an unclosed quote is fatal, naming the line where its record starts', (engine) => {
    let error: CsatError | undefined;
    try {
      parseCsv(Buffer.from('id,comment\n1,ok\n2,"never closed\n3,x\n4,y\n'), ',', 'x.csv', engine);
    } catch (e) {
      error = e as CsatError;
    }
    expect(error?.format()).toBe(
      'x.csv:3 column "field 2": unclosed quote: a quoted field in the record starting here runs to the end of the file (expected a closing " before the next delimiter or line break; a quote inside a quoted field is written "")',
    );
    expect(error?.exitCode).toBe(2);
  });

  // The corpus has the 10 MB field (test/fixtures/bad/big-field-10mb); 2 MB here is enough
  // to pass csv-parse's default record limit (128,000 characters), which we raise.
  it('reads a field of 2 MB and a record of 100,000 fields', () => {
    const big = 'x'.repeat(2 << 20);
    const records = both(`id,comment\n1,"${big}"\n2,${big}\n`);
    expect(records[1].fields[1].length).toBe(2 << 20);
    expect(records[2].line).toBe(3);
    const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    expect(both(`${wide}\n${wide}\n`)[1].fields.length).toBe(100_000);
  });

  it('re-reads a fallback record that is longer than csv-parse’s first window', () => {
    const long = 'y'.repeat(300_000);
    expect(both(`a,b\n1,"${long}"z\n2,3\n`)[1].fields[1].length).toBe(300_003);
  });
});

describe('every CSV fixture reads the same with both engines', () => {
  const root = path.resolve(__dirname, '../../fixtures');
  const files = globSync(['ingest/**/*.csv', 'bad/**/*.csv', 'second-survey/**/*.csv'], { cwd: root }).sort();
  it('has fixtures to compare', () => expect(files.length).toBeGreaterThan(10));
  it.each(files)('%s', (file) => {
    let bytes: Buffer;
    try {
      bytes = decodeBytes(fs.readFileSync(path.join(root, file)), 'auto', file).bytes;
    } catch {
      return; // an encoding case: stops before parsing, with either engine
    }
    const delimiter = sniffDelimiter(bytes);
    const run = (engine: CsvEngine) => {
      try {
        return parseCsv(bytes, delimiter, file, engine);
      } catch (e) {
        return (e as CsatError).format();
      }
    };
    expect(run('fast')).toEqual(run('csv-parse'));
  });
});

describe('round trip through a writer and both parsers (property)', () => {
  const piece = fc.constantFrom('满意', '非常满意', 'a', 'Z', '1', ' ', ',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', '😀', 'é', '、');
  const field = fc.array(piece, { maxLength: 6 }).map((a) => a.join(''));
  const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t', '|');
  const eol = fc.constantFrom('\n', '\r\n');
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 });

  it('gives back every field and the line each record starts on', () => {
    fc.assert(
      fc.property(table, delimiter, eol, (rows, d, e) => {
        const text = writeCsv(rows, d, e);
        const records = both(text, d);
        expect(records.map((r) => r.fields)).toEqual(rows);
        // Expected start lines, counted independently from what the writer wrote.
        let line = 1;
        rows.forEach((row, i) => {
          expect(records[i].line).toBe(line);
          line += (writeCsv([row], d, e).match(/\r\n|\r|\n/g) ?? []).length;
        });
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
