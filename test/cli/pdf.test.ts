import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPdfPages, detectBase, EXIT_UNAVAILABLE, headerTemplate, makePdfs, pdfJobs } from '../../src/cli/pdf';
import { runCli } from '../../src/cli/run';

function capture(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env }, out, err };
}

describe('npm run pdf', () => {
  it('without Chromium says how to install it, in one line, and exits 69 before building', async () => {
    const { io, out, err } = capture({ CHROMIUM_PATH: '/nonexistent/chromium' });
    const code = await runCli(makePdfs, ['--no-build'], io, ['out', 'date', 'base'], ['no-build', 'quiet']);
    expect(code).toBe(EXIT_UNAVAILABLE);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'error: Chromium not found at /nonexistent/chromium (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary)',
    ]);
  });

  it('prints the summary and every built period page, in period order', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csat-pdfjobs-'));
    for (const slug of ['2026-q1', '2025-q4', '2026-q2']) {
      fs.mkdirSync(path.join(dir, 'periods', slug), { recursive: true });
      fs.writeFileSync(path.join(dir, 'periods', slug, 'index.html'), '');
    }
    fs.mkdirSync(path.join(dir, 'periods', 'not-a-page'));
    expect(pdfJobs(dir)).toEqual([
      { name: 'summary', page: '' },
      { name: '2025-q4', page: 'periods/2025-q4/' },
      { name: '2026-q1', page: 'periods/2026-q1/' },
      { name: '2026-q2', page: 'periods/2026-q2/' },
    ]);
    fs.rmSync(dir, { recursive: true });
  });

  it('finds the base the site was built with from the home page canonical link', () => {
    expect(detectBase('<link rel="canonical" href="https://example.org/csat/">')).toBe('/csat/');
    expect(detectBase('<link rel="canonical" href="https://example.org/">')).toBe('/');
    expect(detectBase('<html></html>')).toBe('/');
  });

  it('counts pages in a PDF and escapes the running header', () => {
    const fake = Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 >>', 'latin1');
    expect(countPdfPages(fake)).toBe(2);
    expect(headerTemplate('Q3 <b> & "x"')).toContain('Q3 &lt;b&gt; &amp; &quot;x&quot;');
  });
});
