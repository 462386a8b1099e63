import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../build/build-once';
import { launchChromium } from '../helpers/browser';
import { startStaticServer, type StaticServer } from '../../src/cli/static-server';

/**
 * Charts on a phone, a desktop and paper, in Chromium. Every chart is in the page twice
 * (Chart.astro's `narrow`) and CSS alone picks one: the phone copy on a 390 px screen, the
 * wide copy on a 1280 px screen and in print. On the phone each shown chart is drawn at
 * about 1:1, so its 10 px text stays readable, and no label leaves its chart or overlaps
 * another. The sample site is checked in Chinese and in English (longer Latin labels).
 */
const PAGES = ['', 'periods/2026-q4/', 'segments/', 'drivers/', 'themes/', 'actions/', 'loyalty/', 'reports/2026-q4-review/'];

interface ChartView {
  page: string;
  title: string;
  /** Which copy is on screen: the chart-wide or chart-narrow wrapper's; '' when none or both. */
  shown: 'wide' | 'narrow' | '';
  /** Rendered width over drawn width: 0.56 is a 640 px chart on a phone (5.6 px text). */
  scale: number;
  /** Texts whose box leaves the chart's <svg>, and pairs of texts whose boxes overlap. */
  outside: string[];
  overlaps: string[];
}

/** Runs in the page (kept as source text: a bundler's helpers would not exist there). */
const INSPECT_CHARTS = String.raw`(() => [...document.querySelectorAll('figure.chart')].map((fig) => {
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const wide = visible(fig.querySelector(':scope > .chart-wide'));
  const narrow = visible(fig.querySelector(':scope > .chart-narrow'));
  const svgs = [...fig.querySelectorAll('svg[role="img"]')].filter(visible);
  const svg = svgs[0];
  const box = svg ? svg.getBoundingClientRect() : { left: 0, right: 0, top: 0, bottom: 0, width: 0 };
  const texts = svg ? [...svg.querySelectorAll('text')].map((t) => ({ s: t.textContent, r: t.getBoundingClientRect() })).filter((t) => t.r.width > 0) : [];
  const outside = texts.filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5).map((t) => t.s);
  const overlaps = [];
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
    const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    if (w > 1 && h > 1) overlaps.push(a.s + ' × ' + b.s);
  }));
  return {
    title: svg ? svg.getAttribute('aria-label') : '(no chart shown)',
    shown: svgs.length === 1 && wide !== narrow ? (wide ? 'wide' : 'narrow') : '',
    scale: svg ? box.width / svg.viewBox.baseVal.width : 0,
    outside,
    overlaps,
  };
}))()`;

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each<{ key: string; env: Record<string, string> }>([
  { key: 'default', env: {} },
  { key: 'en', env: { SITE_LOCALE: 'en' } },
])('the charts of the $key site', ({ key, env }) => {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await startStaticServer({ root: buildSite(key, env) });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function inspect(width: number, media: 'screen' | 'print'): Promise<ChartView[]> {
    const page = await browser!.newPage({ viewport: { width, height: 900 } });
    try {
      await page.emulateMedia({ media });
      const views: ChartView[] = [];
      for (const p of PAGES) {
        await page.goto(server!.url + p, { waitUntil: 'load' });
        const found = (await page.evaluate(INSPECT_CHARTS)) as Omit<ChartView, 'page'>[];
        views.push(...found.map((v) => ({ page: `/${p}`, ...v })));
      }
      return views;
    } finally {
      await page.close();
    }
  }

  it('shows the narrow copy on a 390 px phone, near 1:1, every label inside the chart and clear of the others', async () => {
    const views = await inspect(390, 'screen');
    expect(views.length).toBeGreaterThan(30);
    const wrong = views.filter((v) => v.shown !== 'narrow' || v.scale < 0.85 || v.outside.length > 0 || v.overlaps.length > 0);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('shows the wide copy on a 1280 px screen and in print, even from a phone', async () => {
    for (const [width, media] of [[1280, 'screen'], [390, 'print']] as const) {
      const views = await inspect(width, media);
      expect(views.length).toBeGreaterThan(30);
      expect(views.filter((v) => v.shown !== 'wide').map((v) => `${media} ${width}: ${v.page} ${v.title} (${v.shown || 'no single copy'})`)).toEqual([]);
    }
  }, 120_000);
});
