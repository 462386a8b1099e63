import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/model';
import { formatNumber } from '../../src/lib/format';
import { periodSlug } from '../../src/lib/url';
import { availableKpis, kpiValue } from '../../src/lib/views/kpi';
import { buildSite, listFiles } from './build-once';

/** What a shared link and a download look like from outside: preview meta, sitemap, data files. */
describe('publishing the sample site', () => {
  let dist = '';
  let files: string[] = [];
  const model = loadModel(path.resolve('data/survey.yaml'));
  const m = model.metrics;
  beforeAll(() => {
    dist = buildSite('default');
    files = listFiles(dist);
  });
  const html = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');
  const meta = (page: string, attr: 'property' | 'name', key: string) =>
    parseHTML(html(page)).document.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content') ?? undefined;

  it('previews the summary with the latest period and its headline numbers', () => {
    const index = m.index.find((r) => r.period === m.latest && r.segment === 'all')!;
    const description = meta('index.html', 'property', 'og:description')!;
    expect(description.startsWith(`${m.latest}: `)).toBe(true);
    expect(description).toContain(formatNumber(index.value, 'num1', model.config.locale));
    expect(meta('index.html', 'name', 'twitter:description')).toBe(description);
    expect(meta('index.html', 'name', 'twitter:card')).toBe('summary');
    expect(meta('index.html', 'property', 'og:url')).toBe('https://example.org/');
    expect(meta('index.html', 'property', 'og:title')).toBeTruthy();
  });

  it('previews each period page with that period’s own KPI values', () => {
    for (const period of [m.periods[0], m.latest]) {
      const page = `periods/${periodSlug(period)}/index.html`;
      const description = meta(page, 'property', 'og:description')!;
      for (const k of availableKpis(model.config)) {
        const v = kpiValue(m, model.config, k, { period });
        expect(description, `${page} ${k}`).toContain(formatNumber(v.value, v.format, model.config.locale));
      }
      expect(meta(page, 'property', 'og:title')).toContain(period);
    }
  });

  it('has a sitemap listing the pages on the configured site', () => {
    const xml = html('sitemap.xml');
    expect(xml).toContain('<loc>https://example.org/</loc>');
    expect(xml).toContain(`<loc>https://example.org/periods/${periodSlug(m.latest)}/</loc>`);
    expect(xml).not.toContain('lastmod');
  });

  it('links no PDF before `npm run pdf` has made it', () => {
    expect(files.some((f) => f.startsWith('pdf/'))).toBe(false);
    const live = html('index.html').replace(/<!--[\s\S]*?-->/g, '');
    expect(live).not.toMatch(/<a [^>]*href="[^"]*\.pdf"/);
    expect(html('index.html')).toContain('<!--pdf-link:pdf/summary.pdf ');
  });

  it('puts a CSV and JSON link under each data table of the summary, period, segment, driver and methodology pages', () => {
    const pages = ['index.html', 'periods/index.html', `periods/${periodSlug(m.latest)}/index.html`, 'segments/index.html', 'drivers/index.html', 'methodology/index.html'];
    const missing: string[] = [];
    for (const page of pages) {
      const { document } = parseHTML(html(page));
      // Data tables have numeric cells; chart fallbacks (in <details>) repeat the chart's table.
      const tables = [...document.querySelectorAll('main table')].filter((t) => !t.closest('details') && t.querySelector('td.num'));
      tables.forEach((table, i) => {
        const after = (table.closest('.table-wrap') ?? table).nextElementSibling;
        const links = after?.matches('p.downloads') ? [...after.querySelectorAll('a')].map((a) => a.getAttribute('href')) : [];
        if (!links.some((h) => h?.endsWith('.csv')) || !links.some((h) => h?.endsWith('.json'))) missing.push(`${page} table ${i + 1}`);
        for (const h of links) expect(files, `${page}: ${h}`).toContain(h!.replace(/^\//, ''));
      });
    }
    expect(missing).toEqual([]);
  });

  it('writes every download as CSV with a BOM and as JSON with the same rows', () => {
    const csvs = files.filter((f) => f.startsWith('data/') && f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(8);
    for (const f of csvs) {
      const bytes = fs.readFileSync(path.join(dist, f));
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      const rows: string[][] = parse(bytes, { bom: true });
      const json = JSON.parse(html(f.replace(/\.csv$/, '.json'))) as unknown[];
      expect(rows.length - 1, f).toBe(json.length);
    }
  });
});
