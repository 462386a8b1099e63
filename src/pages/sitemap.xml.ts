import type { APIRoute } from 'astro';
import { absoluteUrl, pagePath, sitemapXml } from '../lib/publish/sitemap';

/**
 * /sitemap.xml: every HTML page of the site, found from the page files themselves (dynamic
 * routes through their getStaticPaths), so a new page is listed without touching this file.
 * Absolute URLs use the configured `site` (SITE_URL) and base.
 */
type PageModule = { getStaticPaths?: () => Promise<{ params: Record<string, string | number | undefined> }[]> | { params: Record<string, string | number | undefined> }[] };
const pages = import.meta.glob<PageModule>('./**/*.{astro,md,mdx}');

export const GET: APIRoute = async ({ site }) => {
  const paths: string[] = [];
  for (const file of Object.keys(pages).sort()) {
    if (pagePath(file.replace(/\[[^\]]+\]/g, 'x'), {}) === undefined) continue;
    if (!file.includes('[')) {
      paths.push(pagePath(file)!);
      continue;
    }
    const mod = await pages[file]();
    for (const entry of (await mod.getStaticPaths?.()) ?? []) paths.push(pagePath(file, entry.params)!);
  }
  const origin = site?.href ?? 'https://example.org/';
  const xml = sitemapXml(paths.map((p) => absoluteUrl(origin, import.meta.env.BASE_URL, p)));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
