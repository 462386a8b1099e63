import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPii, maskPii, NOT_PLAINLY_CLEAR } from '../../../../src/lib/analysis/themes/mask-pii';

/** ASCII digits and + ( ) - to full-width (U+FF01–FF5E), space to U+3000. */
const toFullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('maskPii', () => {
  it.each([
    // e-mail
    ['联系我abc.d+x@qq.com谢谢', '联系我[email]谢谢'],
    ['email: A.B@Example.COM.', 'email: [email].'],
    ['张三@qq.com', '张三[email]'],
    ['ｍａｉｌ：ｔｏｍ＠ｅｘａｍｐｌｅ．ｃｎ 回复', 'ｍａｉｌ：[email] 回复'],
    // mobile, with and without +86, spaces, dashes, brackets, full width
    ['电话13812345678', '电话[phone]'],
    ['+86 138 1234 5678 找我', '[phone] 找我'],
    ['+8613812345678', '[phone]'],
    ['0086-139-1234-5678', '[phone]'],
    ['（+86）138-1234-5678', '[phone]'],
    ['ＴＥＬ：１３９１２３４５６７８', 'ＴＥＬ：[phone]'],
    // landline, service numbers, international
    ['座机010-62345678转', '座机[phone]转'],
    ['(0755) 8765 4321', '[phone]'],
    ['０２１－６２３４５６７８ 座机', '[phone] 座机'],
    ['客服电话400-820-8820', '客服电话[phone]'],
    ['Call +1 (415) 555-2671 now', 'Call [phone] now'],
    ['+44 20 7946 0958', '[phone]'],
    // resident ID (GB 11643-1999 example format), with X check character
    ['身份证11010519491231002X', '身份证[id]'],
    ['身份证号：110105194912310021。', '身份证号：[id]。'],
    // other runs of ≥ 7 digits, spaced or dashed
    ['订单号 2024 0305 1234 已退款', '订单号 [number] 已退款'],
    ['卡号6222-0212-3456', '卡号[number]'],
    ['2024-03-05 下单', '[number] 下单'],
    // left alone: short numbers
    ['买了3个，花了120元，等了 14 天', '买了3个，花了120元，等了 14 天'],
    ['123456 是六位', '123456 是六位'],
  ])('%s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('reports kinds and original offsets', () => {
    const text = '邮箱ａ＠ｂ．ｃｎ，电话13812345678';
    const spans = findPii(text);
    expect(spans.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['email', 'ａ＠ｂ．ｃｎ'],
      ['phone', '13812345678'],
    ]);
  });

  it('accepts custom masks', () => {
    expect(maskPii('a@b.cn 13812345678', { email: '***', phone: '' })).toBe('*** ');
  });

  // Text around the personal data: Chinese, Latin, digits, white space and punctuation.
  const noise = fc.string({
    unit: fc.constantFrom(...'客服物流很慢好差 abcXYZ019.,，。!-+()@:：\u3000'.split('')),
    maxLength: 12,
  });
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

  const mobile = fc
    .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9), fc.constantFrom('', '+86', '+86 ', '+86-', '0086 ', '(+86)'), fc.constantFrom('', ' ', '-'))
    .map(([second, rest, prefix, sep]) => `${prefix}1${second}${rest.slice(0, 1)}${sep}${rest.slice(1, 5)}${sep}${rest.slice(5)}`);
  const landline = fc
    .tuple(digits(2), fc.integer({ min: 2, max: 9 }), digits(7), fc.constantFrom('-', ' ', ''))
    .map(([area, first, rest, sep]) => `0${area}${sep}${first}${rest}`);
  const international = fc
    .tuple(fc.integer({ min: 1, max: 999 }), digits(3), digits(3), digits(4), fc.constantFrom(' ', '-'))
    .map(([cc, a, b, c, sep]) => `+${cc}${sep}${a}${sep}${b}${sep}${c}`);
  const phone = fc.oneof(mobile, landline, international).chain((p) => fc.constantFrom(p, toFullWidth(p)));

  it('never lets a generated e-mail through (property)', () => {
    fc.assert(
      fc.property(noise, fc.emailAddress(), noise, (before, email, after) => {
        const masked = maskPii(before + email + after);
        expect(masked).not.toContain(email);
        expect(masked).toContain('[email]');
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a generated phone number through (property)', () => {
    fc.assert(
      fc.property(noise, phone, noise, (before, p, after) => {
        const masked = maskPii(before + p + after);
        expect(masked).not.toContain(p);
        // No digit of the number survives next to where it stood.
        expect(masked.normalize('NFKC')).not.toMatch(/\d{7}/);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no run of 7 or more digits, however separated (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789０１２ -.，a好'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        expect(maskPii(t).normalize('NFKC')).not.toMatch(/\d(?:(?:[ \t]*[-.][ \t]*|[ \t]+)?\d){6}/);
      }),
      { numRuns: 300 },
    );
  });

  it('skips normalizing only text whose every character stays clear of digits and @ under NFKC', () => {
    // The shortcut in findPii: checked for every BMP code point (surrogates aside), since
    // NFKC maps many look-alikes (０, ², ①, ＠, ﹫) to ASCII digits or '@'.
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (!NOT_PLAINLY_CLEAR.test(ch) && /[0-9@]/.test(ch.normalize('NFKC'))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    for (const ch of ['7', '@', '０', '²', '①', '＠', '﹫', '😀']) expect(NOT_PLAINLY_CLEAR.test(`好${ch}`)).toBe(true);
    expect(NOT_PLAINLY_CLEAR.test('客服响应太慢了，希望改进！ The export is slow…')).toBe(false);
  });
});
