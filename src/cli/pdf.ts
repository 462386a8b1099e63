import fs from 'node:fs';
import path from 'node:path';
import { CsatError } from '../lib/errors';
import { stampPdfDate } from '../lib/publish/pdf-date';
import { activatePdfLinks } from '../lib/publish/pdf-link';
import { buildSite } from './build';
import { Progress } from './progress';
import { EXIT, runIfMain, type CliArgs, type CliCommand, type CliIo } from './run';
import { startStaticServer } from './static-server';

/**
 * `npm run pdf [-- --no-build] [--out DIR] [--date YYYY-MM-DD] [--base /sub/] [--quiet]`:
 * builds the site (unless --no-build and it is built), serves it on 127.0.0.1 and prints the
 * executive summary and every period report to A4 PDF with headless Chromium: summary.pdf and
 * <period-slug>.pdf in dist/pdf/ (or --out). The pages' print CSS hides the navigation and keeps
 * charts whole; Chromium adds a running header (report title · period) and page numbers. When
 * the PDFs land in the site's own pdf/ folder, the footer link of each printed page is switched
 * on (see src/lib/publish/pdf-link.ts).
 */
/** sysexits EX_UNAVAILABLE: a program this command needs is not installed. */
export const EXIT_UNAVAILABLE = 69;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MARGIN = { top: '18mm', right: '14mm', bottom: '16mm', left: '14mm' };

export interface PdfJob {
  /** File name without .pdf: "summary" or the period slug. */
  name: string;
  /** Page path inside the site, e.g. "periods/2026-q3/". */
  page: string;
}

export async function makePdfs(args: CliArgs, io: CliIo): Promise<number> {
  const quiet = args.flags.quiet === true || io.env.CI === 'true';
  const root = process.cwd();
  const siteDir = path.resolve(root, io.env.SITE_OUT_DIR || 'dist');
  const sitePdfDir = path.join(siteDir, 'pdf');
  const outDir = typeof args.flags.out === 'string' ? path.resolve(root, args.flags.out) : sitePdfDir;
  // Before building: no point in a 20 s build when the printer is missing.
  const executablePath = findChromium(io.env);

  if (args.flags['no-build'] !== true || !fs.existsSync(path.join(siteDir, 'index.html'))) {
    const code = await buildSite(args, io);
    if (code !== EXIT.ok) return code;
  }
  const progress = new Progress(io, quiet);
  const jobs = pdfJobs(siteDir);
  const base = detectBase(fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });

  const { chromium } = await import('playwright-core');
  const server = await startStaticServer({ root: siteDir, base });
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((e: Error) => {
      throw new CsatError(`Chromium at ${executablePath} did not start: ${e.message.split('\n')[0]}`, {}, { exitCode: EXIT_UNAVAILABLE, hint: chromiumHint });
    });
    const page = await browser.newPage();
    let pagesInAll = 0;
    for (const job of jobs) {
      const response = await page.goto(server.url + job.page, { waitUntil: 'load' });
      if (!response?.ok()) throw new CsatError(`${server.url + job.page} answered ${response?.status() ?? 'nothing'}`, {}, { exitCode: EXIT.bug });
      const { header, date } = await page.evaluate(preparePage);
      const file = path.join(outDir, `${job.name}.pdf`);
      await page.pdf({
        path: file,
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(header),
        footerTemplate,
        margin: MARGIN,
      });
      if (date) fs.writeFileSync(file, stampPdfDate(fs.readFileSync(file), date));
      const pages = countPdfPages(fs.readFileSync(file));
      pagesInAll += pages;
      progress.stage('pdf', `${path.relative(root, file)}: ${pages} page${pages === 1 ? '' : 's'}, ${Math.round(fs.statSync(file).size / 1024)} KB`);
    }
    const linked = outDir === sitePdfDir ? linkPdfs(siteDir) : 0;
    progress.stage('links', outDir === sitePdfDir ? `${linked} pages link their PDF` : `PDFs outside the site (${path.relative(root, outDir)}): no links added`);
    progress.summary(`${jobs.length} PDFs, ${pagesInAll} pages in ${path.relative(root, outDir) || '.'}/`);
  } finally {
    await browser?.close();
    await server.close();
  }
  return EXIT.ok;
}

const chromiumHint = 'install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary';

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium (or chromium-browser); a CsatError when none exists. */
export function findChromium(env: NodeJS.ProcessEnv): string {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
  if (!found) throw new CsatError(`Chromium not found at ${candidates.join(' or ')}`, {}, { exitCode: EXIT_UNAVAILABLE, hint: chromiumHint });
  return found;
}

/** The summary, then every period page the build made, in period order (slugs sort as time). */
export function pdfJobs(siteDir: string): PdfJob[] {
  const periodsDir = path.join(siteDir, 'periods');
  const slugs = fs.existsSync(periodsDir)
    ? fs.readdirSync(periodsDir).filter((d) => fs.existsSync(path.join(periodsDir, d, 'index.html'))).sort()
    : [];
  return [{ name: 'summary', page: '' }, ...slugs.map((slug) => ({ name: slug, page: `periods/${slug}/` }))];
}

/** The base the site was built with: the path of the home page's canonical URL. */
export function detectBase(homeHtml: string): string {
  const href = /<link\s+rel="canonical"\s+href="([^"]+)"/.exec(homeHtml)?.[1];
  if (!href) return '/';
  try {
    return new URL(href).pathname;
  } catch {
    return '/';
  }
}

/**
 * Runs in the page before printing: points every link at the published site (the page's
 * canonical URL, from SITE_URL) instead of this temporary server, and reads the running
 * header and the report date.
 */
function preparePage(): { header: string; date: string | null } {
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) {
    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href')!;
      if (!href.startsWith('#')) a.setAttribute('href', new URL(href, canonical).href);
    }
  }
  const header = (document.querySelector('.print-only')?.textContent ?? document.title).replace(/\s+/g, ' ').trim();
  return { header, date: document.querySelector('meta[name="dcterms.date"]')?.getAttribute('content') ?? null };
}

/** Switches on the footer link of every built page whose PDF now exists; returns how many. */
function linkPdfs(siteDir: string): number {
  let count = 0;
  const files = (fs.readdirSync(siteDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
  for (const f of files) {
    const file = path.join(siteDir, f);
    const { html, linked } = activatePdfLinks(fs.readFileSync(file, 'utf8'), (target) => fs.existsSync(path.join(siteDir, target)));
    if (linked.length) {
      fs.writeFileSync(file, html);
      count++;
    }
  }
  return count;
}

/** Chromium PDFs keep one uncompressed dictionary per page: `/Type /Page` (not /Pages). */
export const countPdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Inside a style="" attribute: single quotes only. Templates do not inherit the page's styles.
const templateFont = "font-family: system-ui, 'Noto Sans CJK SC', sans-serif; font-size: 8pt; color: #5b6472;";

export const headerTemplate = (text: string) =>
  `<div style="${templateFont} width: 100%; padding: 0 ${MARGIN.left}; display: flex; justify-content: space-between;"><span>${escapeHtml(text)}</span></div>`;

const footerTemplate = `<div style="${templateFont} width: 100%; padding: 0 ${MARGIN.left}; text-align: right;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export const cli: CliCommand = { run: makePdfs, options: ['out', 'date', 'base'], switches: ['no-build', 'quiet'] };
runIfMain(import.meta.url, cli);
