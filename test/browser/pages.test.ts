import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles } from '../build/build-once';
import { auditPages, launchChromium, type PageAudit } from '../helpers/browser';
import { startStaticServer, type StaticServer } from '../../src/cli/static-server';
import { PAYLOAD_ENV } from '../fixtures/payload/env';
import { FORMULA_PAYLOADS, HTML_PAYLOADS } from '../fixtures/payload/generate';

/**
 * Every built page of the sample site and of the payload site (HTML/JS payloads in every
 * text that can reach a page: test/fixtures/payload/) loaded in Chromium, once as published
 * (the CSP meta forbids scripts) and once with the CSP switched off, so that a payload that
 * was not escaped would run and raise a dialog. Any dialog, console error, page error, failed
 * or off-site request, script element, on* attribute or javascript: URL fails the test.
 */
let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Serves `dist` and audits every HTML page in it, in a context with or without the CSP. */
async function auditSite(dist: string, bypassCSP: boolean): Promise<{ pages: string[]; results: Map<string, PageAudit>; problems: string[] }> {
  const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
  const server: StaticServer = await startStaticServer({ root: dist });
  const context = await browser!.newContext({ bypassCSP });
  try {
    const urls = pages.map((f) => server.url + f.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1'));
    const byUrl = await auditPages(context, urls, server.origin);
    const results = new Map(pages.map((f, i) => [f, byUrl.get(urls[i])!]));
    const problems = [...results].flatMap(([f, r]) => r.problems.map((p) => `${f}: ${p}`));
    return { pages, results, problems };
  } finally {
    await context.close();
    await server.close();
  }
}

describe.each([
  { key: 'default', env: {} },
  { key: 'payload', env: PAYLOAD_ENV },
])('every page of the $key site in Chromium', ({ key, env }) => {
  let dist = '';
  beforeAll(() => {
    dist = buildSite(key, env);
  });

  for (const bypassCSP of [false, true]) {
    it(`runs no script and logs no error ${bypassCSP ? 'even with the CSP switched off' : 'with the CSP as published'}`, async () => {
      const { pages, results, problems } = await auditSite(dist, bypassCSP);
      expect(pages.length).toBeGreaterThan(5);
      expect(results.size).toBe(pages.length);
      expect(problems).toEqual([]);
      if (key === 'payload') expectPayloadsShownAsText(results);
    }, 180_000);
  }
});

/** The payloads did reach the pages, as plain text: the test above is not passing vacuously. */
function expectPayloadsShownAsText(results: Map<string, PageAudit>): void {
  const text = (page: string) => results.get(page)?.text ?? '';
  const everywhere = [...results.values()].map((r) => r.text).join('\n');
  for (const payload of [...HTML_PAYLOADS, ...FORMULA_PAYLOADS]) expect(everywhere, payload).toContain(payload);
  const expected: [string, string][] = [
    ['index.html', '<script>alert(1)</script> Survey " onmouseover="alert(1) <img src=x onerror=alert(1)>'], // survey title
    ['segments/index.html', '=HYPERLINK("http://evil","x")'], // segment value
    ['periods/2026-q4/index.html', '</svg><script>alert(1)</script> Price'], // question label
    ['actions/index.html', '<script>alert(1)</script> Faster support'], // action title
    ['actions/index.html', '<img src=x onerror=alert(1)> javascript:alert(1)'], // action notes
    ['reports/index.html', '<script>alert(1)</script> Review " onmouseover="alert(1) <img src=x onerror=alert(1)>'], // MDX title
    ['reports/index.html', `</svg><script>alert(1)</script> ' autofocus onfocus='alert(1)`], // MDX summary
    ['reports/payload-review/index.html', '<script>alert(1)</script> Review'],
    ['themes/index.html', 'support is slow <script>alert(1)</script>'], // a comment quoted in a theme
  ];
  for (const [page, payload] of expected) expect(text(page), `${page} shows ${payload}`).toContain(payload);
}

describe('the page audit itself', () => {
  it('catches a payload that was not escaped, an inline handler and a missing policy', async () => {
    const dir = fs.mkdtempSync(path.resolve('out', 'browser-audit-'));
    try {
      const csp = `<meta http-equiv="Content-Security-Policy" content="script-src 'none'">`;
      fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><title>x</title>${csp}</head><body><p>ok</p><img src=x onerror=alert(1)><a href="javascript:alert(2)">a</a><script>alert(3)</script></body></html>`);
      const { problems } = await auditSite(dir, true);
      const all = problems.join('\n');
      expect(all).toContain('dialog alert: 1');
      expect(all).toContain('dialog alert: 3');
      expect(all).toContain('script element');
      expect(all).toContain('onerror="alert(1)"');
      expect(all).toContain('href="javascript:alert(2)"');
      expect(all).toContain('HTTP 404');
      expect(all).toContain('<title> comes before the Content-Security-Policy meta');
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body>ok</body></html>');
      expect((await auditSite(dir, false)).problems.join('\n')).toContain('no Content-Security-Policy meta');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
