import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfPages, makePdfs } from '../../src/cli/pdf';
import { runCli } from '../../src/cli/run';
import { loadModel } from '../../src/lib/model';
import { periodSlug } from '../../src/lib/url';
import { buildSite } from './build-once';

/**
 * `npm run pdf -- --no-build` on a copy of two pages of the sample build (the summary and the
 * latest period), so the test prints 2 PDFs, not 9. Needs Chromium; skipped without it.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!fs.existsSync(chromium))('npm run pdf', () => {
  const model = loadModel(path.resolve('data/survey.yaml'));
  const slug = periodSlug(model.metrics.latest);
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'csat-pdf-site-'));
  const out: string[] = [];
  let code = -1;
  beforeAll(async () => {
    const dist = buildSite('default');
    for (const page of ['index.html', `periods/${slug}/index.html`]) {
      fs.mkdirSync(path.dirname(path.join(site, page)), { recursive: true });
      fs.copyFileSync(path.join(dist, page), path.join(site, page));
    }
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), env: { ...process.env, SITE_OUT_DIR: site, CI: '' } };
    code = await runCli(makePdfs, ['--no-build'], io, ['out', 'date', 'base'], ['no-build', 'quiet']);
  });
  afterAll(() => fs.rmSync(site, { recursive: true, force: true }));
  const pdf = (name: string) => fs.readFileSync(path.join(site, 'pdf', `${name}.pdf`));

  it('prints the summary and the period report to A4 and says so, one line per PDF', () => {
    expect(code).toBe(0);
    expect(fs.readdirSync(path.join(site, 'pdf')).sort()).toEqual([`${slug}.pdf`, 'summary.pdf'].sort());
    for (const name of ['summary', slug]) {
      const text = pdf(name).toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      // A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds up to whole CSS pixels.
      const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes.length).toBe(countPdfPages(pdf(name)));
      for (const [w, h] of boxes) {
        expect(Math.abs(w - 595.28)).toBeLessThan(1);
        expect(Math.abs(h - 841.89)).toBeLessThan(1.5);
      }
    }
    expect(out.filter((l) => l.startsWith('pdf '))).toHaveLength(2);
    expect(out.at(-1)).toMatch(/^done +2 PDFs, \d+ pages in /);
  });

  it('links to the published site, not the temporary server, and carries the report date', () => {
    for (const name of ['summary', slug]) {
      const text = pdf(name).toString('latin1');
      expect(text).not.toContain('127.0.0.1');
      expect(text).toContain('/URI (https://example.org/');
      const day = model.reportDate!.replace(/-/g, '');
      expect(text).toContain(`/CreationDate (D:${day}000000+00'00')`);
    }
  });

  it('switches on the footer link of each printed page', () => {
    const home = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(home).toContain('<span class="pdf-link"> · <a href="/pdf/summary.pdf">');
    expect(home).not.toContain('<!--pdf-link:');
    expect(fs.readFileSync(path.join(site, 'periods', slug, 'index.html'), 'utf8')).toContain(`<a href="/pdf/${slug}.pdf">`);
  });
});
