import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles } from './build-once';
import { loadModel } from '../../src/lib/model';
import { formatNumber } from '../../src/lib/format';
import { periodSlug } from '../../src/lib/url';

describe('the sample site', () => {
  let dist = '';
  let files: string[] = [];
  const model = loadModel(path.resolve('data/survey.yaml'));
  beforeAll(() => {
    dist = buildSite('default');
    files = listFiles(dist);
  });
  const html = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');

  it('builds every page', () => {
    for (const page of ['index.html', 'segments/index.html', 'drivers/index.html', 'methodology/index.html', 'reports/index.html', 'data/index.html', 'periods/index.html']) {
      expect(files).toContain(page);
    }
  });

  it("names the data files on the methodology page relative to the survey's folder, never with the machine's folders", () => {
    const page = html('methodology/index.html');
    expect(page).toContain('<td>responses/2025-Q1.csv</td>');
    expect(page).not.toContain(process.cwd());
    expect(page).not.toContain('data/responses/');
    // What rejected cells should have held, in the page's language (the sample's is zh-CN).
    expect(page).toContain('此编号首次出现在 responses/2025-Q2.csv:79');
    // The rejected rows' examples name their files as the files table does.
    expect(page).toContain('<span class="loc">responses/</span><wbr><span class="loc">2025-Q2.csv:95</span> · ');
    expect(html('data/rejected.csv')).toContain(',responses/2025-Q2.csv,32,');
    expect(page).not.toContain('one of ');
    const table = html('data/files.csv');
    expect(table).toContain('\nresponses/2025-Q1.csv,');
    expect(table).not.toContain('data/responses/');
  });

  it('builds one period page per period found in the data', () => {
    const periodPages = files.filter((f) => /^periods\/[^/]+\/index\.html$/.test(f));
    expect(periodPages.length).toBe(model.metrics.periods.length);
    for (const p of model.metrics.periods) expect(files).toContain(`periods/${periodSlug(p)}/index.html`);
  });

  it('shows on / the model value of the latest satisfaction index', () => {
    const row = model.metrics.index.find((r) => r.period === model.metrics.latest && r.segment === 'all')!;
    const shown = formatNumber(row.value, 'num1', model.config.locale);
    expect(html('index.html')).toContain(`<div class="value">${shown}`);
  });

  it('draws every chart as inline SVG and ships no script', () => {
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const page = html(f);
      expect(page, f).not.toMatch(/<script\b/i);
    }
    expect(html('index.html')).toMatch(/<svg[^>]*role="img"/);
  });

  it('puts every chart in its page twice: drawn for the page and, narrower, for a phone', () => {
    let charts = 0;
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const { document } = parseHTML(html(f));
      for (const fig of Array.from(document.querySelectorAll('figure.chart'))) {
        charts++;
        const width = (copy: string) => Number(fig.querySelector(`:scope > .chart-${copy} svg[role="img"]`)?.getAttribute('width'));
        const where = `${f}: ${fig.querySelector('svg[role="img"]')?.getAttribute('aria-label')}`;
        expect(width('wide'), where).toBeGreaterThanOrEqual(520);
        expect(width('narrow'), where).toBeLessThanOrEqual(360);
      }
    }
    expect(charts).toBeGreaterThan(30);
  });

  it('never repeats an id within a page (a chart and its phone copy each name their own)', () => {
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const ids = [...html(f).matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), f).toEqual([]);
    }
  });

  it('keeps every period page under 300 KB with both copies of its charts', () => {
    for (const f of files.filter((x) => /^periods\/[^/]+\/index\.html$/.test(x))) {
      expect(fs.statSync(path.join(dist, f)).size, f).toBeLessThan(300_000);
    }
  });

  it('publishes the MDX report and not the draft', () => {
    expect(files).toContain('reports/2026-q4-review/index.html');
    expect(files.some((f) => f.includes('draft-notes'))).toBe(false);
  });
});
