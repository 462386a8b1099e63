/**
 * The footer link to a page's PDF. PDFs are printed after the site is built, so the build
 * writes the link inside an HTML comment, `<!--pdf-link:pdf/summary.pdf <a …>…</a>-->`, and
 * `npm run pdf` uncomments each one whose PDF it wrote. A site built without PDFs never links
 * a missing file; the same inputs plus the same PDF run give the same HTML.
 */
const MARKER = /<!--pdf-link:([^ ]+) ([\s\S]*?)-->/g;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `target` is the PDF's path inside the site (e.g. "pdf/2026-q3.pdf"), `href` the link with the base. */
export function pdfLinkPlaceholder(target: string, href: string, label: string): string {
  if (!/^[\w./-]+\.pdf$/.test(target) || target.includes('..')) throw new Error(`pdf target "${target}" must be a relative path ending in .pdf`);
  return `<!--pdf-link:${target} <span class="pdf-link"> · <a href="${escapeHtml(href)}">${escapeHtml(label)}</a></span>-->`;
}

/** Uncomments every placeholder whose target `exists`; returns the new HTML and the targets linked. */
export function activatePdfLinks(html: string, exists: (target: string) => boolean): { html: string; linked: string[] } {
  const linked: string[] = [];
  const out = html.replace(MARKER, (whole, target: string, markup: string) => {
    if (!exists(target)) return whole;
    linked.push(target);
    return markup;
  });
  return { html: out, linked };
}

/** The targets of the placeholders still commented out. */
export const pdfPlaceholders = (html: string) => [...html.matchAll(MARKER)].map((m) => m[1]);
