import { describe, expect, it } from 'vitest';
import { maskPersonal, shownValue } from '../../../src/lib/ingest/mask';

describe('maskPersonal', () => {
  it('hides e-mail addresses and phone numbers', () => {
    expect(maskPersonal('联系我 zhang.san+csat@example.com.cn 谢谢')).toBe('联系我 [e-mail] 谢谢');
    expect(maskPersonal('手机13800138000或138 0013 8000或+86 138-0013-8000')).toBe('手机[phone]或[phone]或[phone]');
    expect(maskPersonal('座机 010-12345678')).toBe('座机 [phone]');
    expect(maskPersonal('call +44 20 7946 0958 or (555) 123-4567')).toBe('call [phone] or [phone]');
  });

  it('hides resident ID numbers and long digit runs', () => {
    expect(maskPersonal('身份证 11010519491231002X')).toBe('身份证 [id]');
    expect(maskPersonal('110105194912310021')).toBe('[id]');
    expect(maskPersonal('卡号 6222021234567890123')).toBe('卡号 [number]');
  });

  it('leaves labels, dates and small numbers alone', () => {
    for (const v of ['满意', '2026-07-01 09:30', '11', '4,5', '12345', '2026/7/1', 'R2025Q1-00001']) expect(maskPersonal(v)).toBe(v);
  });
});

describe('shownValue', () => {
  it('cuts long values after masking, noting the full length', () => {
    const long = `${'x'.repeat(194)} me@example.com ${'y'.repeat(100)}`;
    expect(shownValue(long)).toBe(`${'x'.repeat(194)} [e-ma… (${long.length} characters)`);
    expect(shownValue('short')).toBe('short');
  });
});
