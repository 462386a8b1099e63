import { describe, expect, it } from 'vitest';
import { activatePdfLinks, pdfLinkPlaceholder, pdfPlaceholders } from '../../../src/lib/publish/pdf-link';

describe('PDF footer links', () => {
  const placeholder = pdfLinkPlaceholder('pdf/2026-q3.pdf', '/csat/pdf/2026-q3.pdf', 'PDF "of" <this> page');
  const page = `<footer>Generated${placeholder}</footer>`;

  it('is a comment until the PDF exists, so a built site never links a missing file', () => {
    expect(page).toMatch(/^<footer>Generated<!--pdf-link:pdf\/2026-q3\.pdf [^]*--><\/footer>$/);
    expect(pdfPlaceholders(page)).toEqual(['pdf/2026-q3.pdf']);
    const { html, linked } = activatePdfLinks(page, () => false);
    expect(html).toBe(page);
    expect(linked).toEqual([]);
  });

  it('becomes the link, with base and escaped label, once the PDF exists', () => {
    const { html, linked } = activatePdfLinks(page, (t) => t === 'pdf/2026-q3.pdf');
    expect(linked).toEqual(['pdf/2026-q3.pdf']);
    expect(html).toBe('<footer>Generated<span class="pdf-link"> · <a href="/csat/pdf/2026-q3.pdf">PDF &quot;of&quot; &lt;this&gt; page</a></span></footer>');
    // Running it again changes nothing.
    expect(activatePdfLinks(html, () => true).html).toBe(html);
  });

  it('links only the PDFs that exist', () => {
    const two = `${pdfLinkPlaceholder('pdf/a.pdf', '/pdf/a.pdf', 'A')}${pdfLinkPlaceholder('pdf/b.pdf', '/pdf/b.pdf', 'B')}`;
    const { html, linked } = activatePdfLinks(two, (t) => t === 'pdf/b.pdf');
    expect(linked).toEqual(['pdf/b.pdf']);
    expect(pdfPlaceholders(html)).toEqual(['pdf/a.pdf']);
  });

  it('rejects a target that is not a relative .pdf path', () => {
    expect(() => pdfLinkPlaceholder('../x.pdf', '/x.pdf', 'x')).toThrow('pdf target "../x.pdf" must be a relative path ending in .pdf');
    expect(() => pdfLinkPlaceholder('pdf/x.html', '/x', 'x')).toThrow(/must be a relative path ending in \.pdf/);
  });
});
