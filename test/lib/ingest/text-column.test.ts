import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsatError } from '../../../src/lib/errors';
import { JoinedTexts, TextColumn, textsOf } from '../../../src/lib/ingest/text-column';

// Every character String.prototype.trim removes (ECMA-262 WhiteSpace and LineTerminator),
// plus look-alikes it keeps (U+0085, U+180E, U+200B, 。 U+3002, U+2030) and plain text.
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const KEPT = ['\u0085', '\u180e', '\u200b', '。', '\u2030', '\u1c00', 'a', '满意', '"', '😀'];
const piece = fc.oneof(fc.constantFrom(...SPACES), fc.constantFrom(...KEPT), fc.string({ unit: 'grapheme', maxLength: 4 }));
const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const expected = (s: string) => (s.trim() === '' ? null : s.trim());

describe('TextColumn', () => {
  it('keeps a text from its UTF-8 bytes as String.prototype.trim would, blank as null', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (texts) => {
        const column = new TextColumn();
        for (const t of texts) {
          // Inside a larger buffer, as the scanner hands out fields.
          const bytes = Buffer.from(`x,${t},y`);
          column.pushBytes(bytes, 2, bytes.length - 2);
        }
        expect(column.length).toBe(texts.length);
        expect(textsOf(column, column.length)).toEqual(texts.map(expected));
        texts.forEach((t, i) => expect(column.isNull(i)).toBe(expected(t) === null));
      }),
    );
  });

  it('trims the non-ASCII spaces at either end and keeps CJK punctuation', () => {
    const column = new TextColumn();
    for (const t of ['\u3000价格太贵。\u3000', '\u00a0ok\u00a0', '响应慢。', ' \ufeff ', '\u2028a\u2029']) column.pushText(t);
    expect(textsOf(column, column.length)).toEqual(['价格太贵。', 'ok', '响应慢。', null, 'a']);
  });

  it('reads the kept rows of other columns in place after its own (JoinedTexts), also across a transfer as plain data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 30 }), fc.array(text, { maxLength: 5 }), (rows, before) => {
        const from = new TextColumn();
        rows.forEach(([t]) => from.pushText(t));
        const keep = Int32Array.from(rows.flatMap(([, k], i) => (k ? [i] : [])));
        const mine = new TextColumn();
        before.forEach((t) => mine.pushText(t));
        const want = [...before.map(expected), ...[...keep].map((i) => expected(rows[i][0]))];
        const joined = new JoinedTexts([{ data: mine, rows: before.length }, { data: structuredClone(from.data()), keep, rows: keep.length }]);
        expect(textsOf(joined, want.length)).toEqual(want);
        expect(Array.from({ length: want.length }, (_, i) => joined.isNull(i))).toEqual(want.map((t) => t === null));
        const present = new Uint8Array(want.length);
        joined.markPresent(present);
        expect([...present]).toEqual(want.map((t) => (t === null ? 0 : 1)));
      }),
    );
  });

  it('refuses more text than its 32-bit offsets can address, with a one-line data error', () => {
    const column = new TextColumn(10);
    column.pushText('满意'); // 6 bytes
    expect(() => column.pushText('很好')).toThrow(CsatError);
    expect(() => column.pushText('很好')).toThrow('a comment column holds more than 10 bytes of text');
    expect(textsOf(column, column.length)).toEqual(['满意']);
  });
});
