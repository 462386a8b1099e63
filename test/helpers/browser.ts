import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core, for the browser tests. A missing browser is
 * an error with the command that installs it, never a silent skip: CI installs it in .ci/run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it. Install it with \`apt-get install -y chromium\` (CI does this in .ci/run), or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** What went wrong on one page; an empty list is a clean page. */
export type Problems = string[];

/**
 * Loads each url in turn in one page of `context` and lists, per url, every sign of active
 * content: a dialog, a console error, an uncaught error, a request that failed or left the
 * site, a script element, an on* attribute, a javascript: URL, an element that can run or
 * embed code, and a missing or late content security policy.
 */
export interface PageAudit {
  problems: Problems;
  /** The page's text as a reader sees it (body textContent), to show a payload arrived as text. */
  text: string;
}

export async function auditPages(context: BrowserContext, urls: readonly string[], origin: string): Promise<Map<string, PageAudit>> {
  const results = new Map<string, PageAudit>();
  let problems: Problems = [];
  const page: Page = await context.newPage();
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith('data:')) problems.push(`request off the site: ${u}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  try {
    for (const url of urls) {
      problems = [];
      const response = await page.goto(url, { waitUntil: 'load' });
      if (!response || response.status() !== 200) problems.push(`HTTP ${response?.status()} for the page`);
      const { found, text } = (await page.evaluate(INSPECT_DOCUMENT)) as { found: string[]; text: string };
      problems.push(...found);
      results.set(url, { problems, text });
    }
  } finally {
    await page.close();
  }
  return results;
}

/**
 * Runs in the page: the DOM checks. Kept as source text, because a bundler's helpers (e.g.
 * esbuild's __name) inside a serialised function do not exist in the page.
 */
const INSPECT_DOCUMENT = String.raw`(() => {
  const found = [];
  const describe = (el) => '<' + el.localName + (el.id ? '#' + el.id : '') + '>';
  if (document.scripts.length > 0) found.push(document.scripts.length + ' script element(s)');
  for (const el of document.querySelectorAll('script, iframe, frame, object, embed, applet, base, form, portal, meta[http-equiv="refresh" i]')) {
    found.push('active element ' + describe(el));
  }
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'background'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(describe(el) + ' has ' + name + '="' + attr.value + '"');
      if (urlAttributes.includes(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value.replace(/[\u0000-\u001f]/g, ''))) {
        found.push(describe(el) + ' has ' + name + '="' + attr.value + '"');
      }
    }
  }
  const policies = [...document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')];
  const csp = policies.map((m) => m.getAttribute('content') || '');
  if (!csp.some((c) => /(^|;)\s*script-src 'none'/.test(c))) found.push("no Content-Security-Policy meta with script-src 'none' in <head> (found: " + JSON.stringify(csp) + ')');
  // A policy in a meta tag governs only what comes after it.
  for (let el = policies[0] && policies[0].previousElementSibling; el; el = el.previousElementSibling) {
    if (el.localName !== 'meta') found.push(describe(el) + ' comes before the Content-Security-Policy meta');
  }
  return { found, text: document.body ? document.body.textContent : '' };
})()`;
