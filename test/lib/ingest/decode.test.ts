import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, scanUtf8 } from '../../../src/lib/ingest/decode';
import { CsatError } from '../../../src/lib/errors';
import { encodeGbk, utf16 } from './_helpers';

const TEXT = '答卷编号,套餐,总体满意度\r\nR1,专业版,非常满意\r\nR2,"免费版",满意\r\n';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const decoded = (bytes: Uint8Array, declared = 'auto') => decodeBytes(Buffer.from(bytes), declared, 'x.csv');
const fatal = (bytes: Uint8Array, declared = 'auto'): CsatError => {
  try {
    decoded(bytes, declared);
  } catch (e) {
    return e as CsatError;
  }
  throw new Error('expected a fatal error');
};

describe('decodeBytes, encoding auto', () => {
  it('reads UTF-8 without a byte order mark', () => {
    const d = decoded(utf8(TEXT));
    expect(d.encoding).toBe('utf-8');
    expect(d.bytes.toString('utf8')).toBe(TEXT);
  });

  it('reads UTF-8 with a byte order mark and removes it', () => {
    const d = decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(TEXT)]));
    expect(d.encoding).toBe('utf-8 (BOM)');
    expect(d.bytes.toString('utf8')).toBe(TEXT);
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s with a byte order mark', (order) => {
    const d = decoded(utf16(TEXT, order));
    expect(d.encoding).toBe(`utf-16${order} (BOM)`);
    expect(d.bytes.toString('utf8')).toBe(TEXT);
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s without a byte order mark from where its NUL bytes are', (order) => {
    const d = decoded(utf16(TEXT, order, false));
    expect(d.encoding).toBe(`utf-16${order} (no BOM)`);
    expect(d.bytes.toString('utf8')).toBe(TEXT);
  });

  it('reads GBK (as GB18030) when the bytes are not UTF-8', () => {
    const gbk = encodeGbk(TEXT);
    // 满意 in GBK is C2 FA D2 E2 (GB 2312 row 36/58 and 50/66), an independent check of the encoder.
    expect(Buffer.from(encodeGbk('满意')).toString('hex')).toBe('c2fad2e2');
    const d = decoded(gbk);
    expect(d.encoding).toBe('gb18030');
    expect(d.bytes.toString('utf8')).toBe(TEXT);
  });

  it('stops on an invalid byte in a UTF-8 file, naming line and byte', () => {
    const bytes = Buffer.concat([utf8('a,b\n满意,2\n非常'), Buffer.from([0xff]), utf8('满意,3\n')]);
    const e = fatal(bytes);
    expect(e.exitCode).toBe(2);
    expect(e.where).toEqual({ file: 'x.csv', line: 3, column: 7 });
    expect(e.message).toContain('invalid UTF-8: byte 0xFF at line 3, byte 7');
  });

  it('stops on a UTF-8 byte order mark followed by GBK bytes, saying what to do', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(encodeGbk(TEXT))]);
    const e = fatal(bytes);
    expect(e.message).toMatch(/starts with a UTF-8 byte order mark, but byte 0x.. at line 1, byte 4 is not UTF-8 \(the rest looks like GBK\/GB18030\)/);
    expect(e.hint).toContain('encoding: gb18030');
    expect(e.where.line).toBe(1);
  });

  it('stops on NUL bytes that do not look like UTF-16', () => {
    const e = fatal(utf8('a,b\n1,\u00002\n3,4\n'));
    expect(e.message).toContain('NUL byte at line 2, byte 3');
  });

  it('stops on bytes that are neither UTF-8 nor GB18030', () => {
    const e = fatal(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0x2c, 0x31, 0x0a]));
    expect(e.message).toContain('not UTF-8, UTF-16 or GB18030');
    expect(e.where.line).toBe(2);
  });
});

describe('decodeBytes, declared encodings', () => {
  it('decodes a declared gb18030 file', () => {
    expect(decoded(encodeGbk(TEXT), 'gb18030').bytes.toString('utf8')).toBe(TEXT);
    expect(decoded(encodeGbk(TEXT), 'GBK').encoding).toBe('gb18030');
  });

  it('rejects invalid bytes in a declared UTF-8 file (never U+FFFD)', () => {
    const e = fatal(encodeGbk(TEXT), 'utf-8');
    expect(e.message).toMatch(/^invalid UTF-8/);
  });

  it('lets a byte order mark win over the declared encoding (WHATWG decode)', () => {
    expect(decoded(utf16(TEXT, 'le'), 'gb18030').bytes.toString('utf8')).toBe(TEXT);
  });

  it('names the line that cannot be decoded in a declared encoding', () => {
    const bytes = Buffer.concat([Buffer.from(encodeGbk('a,b\n满意,1\n')), Buffer.from([0x81, 0x0a])]);
    const e = fatal(bytes, 'gb18030');
    expect(e.where.line).toBe(3);
  });
});

describe('scanUtf8', () => {
  it('counts well-formed sequences and invalid bytes (RFC 3629: C0, surrogates and truncation are invalid)', () => {
    expect(scanUtf8(utf8('a满意é'))).toEqual({ firstInvalid: -1, valid: 3, invalid: 0 });
    expect(scanUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toMatchObject({ firstInvalid: 1, invalid: 2 });
    expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toMatchObject({ firstInvalid: 0 }); // U+D800
    expect(scanUtf8(Buffer.from([0xe6, 0xbb]))).toMatchObject({ firstInvalid: 0 });
  });
});

describe('round trips (property)', () => {
  const cjk = fc.constantFrom(...'满意非常不一般答卷编号客户套餐免费专业企业华东北南西部官网代理商应用市场功能稳定性'.split(''));
  const ascii = fc.constantFrom(...'abcXYZ019 ,;|"\t-_.'.split(''), '\r\n', '\n');
  const text = fc.array(fc.oneof(cjk, ascii), { minLength: 1, maxLength: 60 }).map((a) => a.join(''));

  it('UTF-8, UTF-16 LE/BE with BOM and GBK all decode back to the same text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(decoded(utf8(t)).bytes.toString('utf8')).toBe(t);
        expect(decoded(utf16(t, 'le')).bytes.toString('utf8')).toBe(t);
        expect(decoded(utf16(t, 'be')).bytes.toString('utf8')).toBe(t);
        expect(decoded(encodeGbk(t), 'gb18030').bytes.toString('utf8')).toBe(t);
      }),
      { seed: 20260701, numRuns: 200 },
    );
  });

  // A very short GBK text can be valid UTF-8 by chance (业 is D2 B5, also UTF-8 for ҵ), so
  // auto detection is only promised for files with a realistic amount of Chinese: here ≥ 8
  // characters. For tiny files, declare `encoding: gb18030`.
  it('auto detection reads GBK text with Chinese characters as GB18030', () => {
    const chinese = fc.tuple(fc.array(cjk, { minLength: 8, maxLength: 30 }), text).map(([c, t]) => c.join('') + t);
    fc.assert(
      fc.property(chinese, (t) => {
        const d = decoded(encodeGbk(t));
        expect(d.bytes.toString('utf8')).toBe(t);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
