import { describe, expect, it } from 'vitest';
import { stampPdfDate } from '../../../src/lib/publish/pdf-date';

describe('stampPdfDate', () => {
  // The info dictionary as Chromium (Skia/PDF) writes it, with bytes around it that must not move.
  const pdf = Buffer.from("%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261203172445+08'00')\n/ModDate (D:20261203172445+08'00')>>\nendobj\nstartxref\n123\n%%EOF", 'latin1');

  it('sets both dates to the report date at midnight UTC, keeping every other byte in place', () => {
    const out = stampPdfDate(pdf, '2026-12-31');
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toContain("/CreationDate (D:20261231000000+00'00')\n/ModDate (D:20261231000000+00'00')>>");
    expect(out.subarray(0, 12).equals(pdf.subarray(0, 12))).toBe(true);
    expect(out.subarray(-25).equals(pdf.subarray(-25))).toBe(true);
  });

  it('makes two prints at different times equal', () => {
    const later = Buffer.from(pdf.toString('latin1').replace(/20261203172445\+08/g, '20270101000001-05'), 'latin1');
    expect(stampPdfDate(later, '2026-12-31').equals(stampPdfDate(pdf, '2026-12-31'))).toBe(true);
  });

  it('leaves a PDF without such dates alone and rejects a bad date', () => {
    const plain = Buffer.from('%PDF-1.4\n%%EOF', 'latin1');
    expect(stampPdfDate(plain, '2026-12-31')).toBe(plain);
    expect(() => stampPdfDate(pdf, '31.12.2026')).toThrow('report date "31.12.2026" is not YYYY-MM-DD');
  });
});
