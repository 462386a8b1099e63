/**
 * Chromium stamps each PDF with the time it was printed (/CreationDate, /ModDate), the one
 * thing that makes two prints of the same pages differ. This sets both to the report date
 * (midnight UTC), rewriting the same number of bytes so the PDF's cross-reference offsets
 * stay valid. A PDF whose dates are in another form is returned unchanged.
 */
const DATE_ENTRY = /\/(CreationDate|ModDate) \(D:\d{14}[+-]\d{2}'\d{2}'\)/g;

export function stampPdfDate(pdf: Buffer, date: string): Buffer {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`report date "${date}" is not YYYY-MM-DD`);
  const text = pdf.toString('latin1');
  const out = text.replace(DATE_ENTRY, (_, key: string) => `/${key} (D:${m[1]}${m[2]}${m[3]}000000+00'00')`);
  return out === text ? pdf : Buffer.from(out, 'latin1');
}
