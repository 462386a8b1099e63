import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectBase } from '../../src/cli/pdf';
import { startStaticServer, type StaticServer } from '../../src/cli/static-server';
import { buildSite, listFiles } from './build-once';

/**
 * The site hosted under a sub-path (a GitHub project page): built with SITE_BASE=/csat/, every
 * link and asset must start with /csat/ and reach a file of the build.
 */
const BASE = '/csat/';
const SITE = 'https://example.org';

/** Every URL in href, src and srcset attributes and in CSS url(), outside HTML comments. */
function urlsOf(html: string): string[] {
  const live = html.replace(/<!--[\s\S]*?-->/g, '');
  const urls: string[] = [];
  for (const m of live.matchAll(/\s(?:href|src|xlink:href|action|poster)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) urls.push(m[1] ?? m[2] ?? m[3]);
  for (const m of live.matchAll(/\ssrcset="([^"]*)"/gi)) urls.push(...m[1].split(',').map((s) => s.trim().split(/\s+/)[0]));
  for (const m of live.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/gi)) urls.push(m[1]);
  return urls.map((u) => u.replace(/&amp;/g, '&'));
}

/** The built file a site-internal URL path reaches, or undefined. */
function fileOf(dist: string, urlPath: string): string | undefined {
  const pathname = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  if (!pathname.startsWith(BASE)) return undefined;
  const rel = pathname.slice(BASE.length);
  const file = path.join(dist, rel === '' || rel.endsWith('/') ? path.join(rel, 'index.html') : rel);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

describe('the site under a sub-path (SITE_BASE=/csat/)', () => {
  let dist = '';
  let pages: string[] = [];
  beforeAll(() => {
    dist = buildSite('base-csat', { SITE_BASE: BASE });
    pages = listFiles(dist).filter((f) => f.endsWith('.html'));
  });
  const html = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');

  it('builds the pages', () => {
    expect(pages).toContain('index.html');
    expect(pages.length).toBeGreaterThan(10);
  });

  it('starts every internal href and src with the base, and each reaches a built file', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const url of urlsOf(html(page))) {
        if (/^(mailto:|tel:|data:|#)/i.test(url)) continue;
        if (/^[a-z]+:\/\//i.test(url)) {
          // Absolute URLs are the canonical/og:url ones, on the configured site.
          if (!url.startsWith(SITE + BASE)) problems.push(`${page}: absolute ${url} is not under ${SITE}${BASE}`);
          else if (!fileOf(dist, url.slice(SITE.length))) problems.push(`${page}: ${url} reaches no file`);
          continue;
        }
        checked++;
        if (!url.startsWith(BASE)) problems.push(`${page}: ${url} does not start with ${BASE}`);
        else if (!fileOf(dist, url)) problems.push(`${page}: ${url} reaches no file`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 5);
  });

  it('writes the PDF links (still comments) with the base', () => {
    const placeholders = [...html('index.html').matchAll(/<!--pdf-link:(\S+) [\s\S]*?href="([^"]+)"/g)];
    expect(placeholders.map((m) => [m[1], m[2]])).toEqual([['pdf/summary.pdf', '/csat/pdf/summary.pdf']]);
  });

  it('lists every page, and nothing else, in sitemap.xml with absolute URLs under the base', () => {
    const xml = fs.readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const loc of locs) expect(loc.startsWith(`${SITE}${BASE}`), loc).toBe(true);
    const listed = locs.map((l) => path.relative(dist, fileOf(dist, l.slice(SITE.length)) ?? `missing:${l}`)).sort();
    expect(listed).toEqual([...pages].sort());
  });

  it('is served under the base by the static server the PDF command uses', async () => {
    expect(detectBase(html('index.html'))).toBe(BASE);
    let server: StaticServer | undefined;
    try {
      server = await startStaticServer({ root: dist, base: BASE });
      for (const p of ['', 'periods/', 'data/changes.csv', 'sitemap.xml']) expect((await fetch(server.url + p)).status, p).toBe(200);
    } finally {
      await server?.close();
    }
  });
});
