/**
 * Site builds for the benchmark: csat-report's full build (`npm run build`: model and
 * Astro) of a survey into bench-data/, a bare Astro project with the same number of
 * trivial pages (built with the installed astro), and the checks on the built pages: no
 * JavaScript shipped, and the size of a period page with its CSS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runChild, type Run } from './measure';

/** `args`: --no-cache for a build that computes its model; none to reuse the model of the build before (same inputs). */
export function buildSite(config: string, outDir: string, args: string[] = []): Run {
  fs.rmSync(outDir, { recursive: true, force: true });
  return runChild(['src/cli/launch.mjs', 'build', '--quiet', ...args], { ...process.env, CI: 'true', SURVEY_CONFIG: path.resolve(config), SITE_OUT_DIR: path.resolve(outDir) });
}

/** bench-data/bare: an Astro project with `pages` trivial pages (written once per page count). */
export function writeBareProject(root: string, pages: number): void {
  const marker = path.join(root, '.pages');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === String(pages)) return;
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'src', 'pages'), { recursive: true });
  fs.writeFileSync(path.join(root, 'astro.config.mjs'), "export default { trailingSlash: 'always', devToolbar: { enabled: false } };\n");
  fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "bare", "private": true, "type": "module" }\n');
  for (let i = 0; i < pages; i++) {
    const name = i === 0 ? 'index' : `page-${i}`;
    fs.writeFileSync(path.join(root, 'src', 'pages', `${name}.astro`), `---\nconst n = ${i};\n---\n<html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>\n`);
  }
  fs.writeFileSync(marker, String(pages));
}

export function buildBare(root: string): Run {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const script = `import('astro').then((a) => a.build({ root: ${JSON.stringify(path.resolve(root))}, logLevel: 'error' }))`;
  return runChild(['--input-type=module', '-e', script], { ...process.env, NODE_ENV: 'production' });
}

export interface PageChecks {
  pages: number;
  /** Pages with a <script> other than JSON data, and .js files in the output. */
  pagesWithScripts: string[];
  jsFiles: string[];
  /** The largest period page, HTML plus the stylesheets it links (inlined CSS is in the HTML). */
  largestPeriodPage: { page: string; bytes: number } | null;
}

export function checkPages(outDir: string): PageChecks {
  const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' });
  const html = files.filter((f) => f.endsWith('.html'));
  const pagesWithScripts = html.filter((f) => /<script(?![^>]*type="application\/(ld\+)?json")/i.test(fs.readFileSync(path.join(outDir, f), 'utf8')));
  const jsFiles = files.filter((f) => /\.m?js$/.test(f));
  let largest: PageChecks['largestPeriodPage'] = null;
  for (const page of html.filter((f) => /^periods[\\/][^\\/]+[\\/]index\.html$/.test(f))) {
    const text = fs.readFileSync(path.join(outDir, page), 'utf8');
    const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => path.join(outDir, m[1].replace(/^\/+/, '')));
    const bytes = Buffer.byteLength(text) + css.reduce((s, f) => s + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    if (!largest || bytes > largest.bytes) largest = { page, bytes };
  }
  return { pages: html.length, pagesWithScripts, jsFiles, largestPeriodPage: largest };
}
