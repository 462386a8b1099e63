/**
 * sitemap.xml (sitemaps.org 0.9): one <loc> per HTML page, absolute, sorted, no <lastmod>
 * (a date would make two builds of the same data differ).
 */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function sitemapXml(urls: readonly string[]): string {
  const unique = [...new Set(urls)].sort();
  const entries = unique.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n');
}

/**
 * The URL path (without base) of a page file under src/pages, with its dynamic params filled:
 * "periods/[period].astro" + {period: "2026-q3"} → "periods/2026-q3/"; "index.astro" → "".
 * Returns undefined for files that are not HTML pages (endpoints, partials, _private files).
 */
export function pagePath(file: string, params: Record<string, string | number | undefined> = {}): string | undefined {
  const rel = file.replace(/^\.?\//, '');
  if (!/\.(astro|md|mdx|html)$/.test(rel) || rel.split('/').some((part) => part.startsWith('_'))) return undefined;
  // Error pages are served by the host, not linked.
  if (/^(404|500)\./.test(rel)) return undefined;
  const parts = rel.replace(/\.(astro|md|mdx|html)$/, '').split('/');
  if (parts[parts.length - 1] === 'index') parts.pop();
  const filled = parts.map((part) =>
    part.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest: string | undefined, name: string) => {
      const value = params[name];
      if (value === undefined && !rest) throw new Error(`page ${file}: no value for param "${name}"`);
      return value === undefined ? '' : String(value);
    }),
  );
  const joined = filled.filter((p) => p !== '').join('/');
  return joined ? `${joined}/` : '';
}

/** Absolute URL of a site path under `base`, on `site` (the origin, e.g. https://example.org). */
export function absoluteUrl(site: string, base: string, path: string): string {
  const b = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return new URL(b + path.replace(/^\/+/, ''), site).href;
}
