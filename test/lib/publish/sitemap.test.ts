import { describe, expect, it } from 'vitest';
import { absoluteUrl, pagePath, sitemapXml } from '../../../src/lib/publish/sitemap';

describe('sitemap', () => {
  it('maps page files to their URL paths (trailingSlash: always)', () => {
    expect(pagePath('./index.astro')).toBe('');
    expect(pagePath('./drivers.astro')).toBe('drivers/');
    expect(pagePath('./periods/index.astro')).toBe('periods/');
    expect(pagePath('./periods/[period].astro', { period: '2026-q3' })).toBe('periods/2026-q3/');
    expect(pagePath('./reports/[...slug].astro', { slug: '2026/q4-review' })).toBe('reports/2026/q4-review/');
    expect(pagePath('./reports/[...slug].astro', { slug: undefined })).toBe('reports/');
  });

  it('skips what is not an HTML page', () => {
    expect(pagePath('./data/[file].ts', { file: 'a.csv' })).toBeUndefined();
    expect(pagePath('./sitemap.xml.ts')).toBeUndefined();
    expect(pagePath('./_partial.astro')).toBeUndefined();
    expect(pagePath('./404.astro')).toBeUndefined();
  });

  it('names a missing param', () => {
    expect(() => pagePath('./periods/[period].astro', {})).toThrow('page ./periods/[period].astro: no value for param "period"');
  });

  it('makes absolute URLs under the base', () => {
    expect(absoluteUrl('https://example.org', '/', '')).toBe('https://example.org/');
    expect(absoluteUrl('https://example.org/', '/csat/', 'periods/2026-q3/')).toBe('https://example.org/csat/periods/2026-q3/');
    expect(absoluteUrl('https://example.org', 'csat', '/drivers/')).toBe('https://example.org/csat/drivers/');
  });

  it('writes sorted, unique, escaped <loc> entries without dates', () => {
    const xml = sitemapXml(['https://e.org/b/', 'https://e.org/a/?x=1&y=2', 'https://e.org/b/']);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://e.org/a/?x=1&amp;y=2</loc></url>',
        '  <url><loc>https://e.org/b/</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});
