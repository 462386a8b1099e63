/**
 * Snapshot comparison for rendered charts, after Observable Plot's test/plot-snapshot.js:
 * normalise (numbers rounded to 3 decimals, generated ids renumbered), then compare with
 * the checked-in file under test/output/charts/. A missing snapshot is written and passes;
 * a different one is written next to it as <name>-changed.<ext> and the test fails, so a
 * person can open both. Figures (legend + svg) are stored as .html, bare charts as .svg.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUTPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'output', 'charts');

export function normalizeSvg(markup: string): string {
  // Only numbers with more than 3 decimals: printed values such as "4.0" stay as they are.
  let out = markup.replace(/\d+\.\d{4,}(?:e-\d+)?/gi, (m) => String(Number(Number(m).toFixed(3))));
  const ids = [...new Set([...out.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]))];
  if (ids.length > 0) {
    const index = new Map(ids.map((id, i) => [id, `id-${i + 1}`]));
    // Longest first, so "c1-10" is never read as "c1-1" followed by "0".
    const pattern = [...ids].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    out = out.replace(new RegExp(pattern.join('|'), 'g'), (id) => index.get(id)!);
  }
  return `${out.trim()}\n`;
}

export function snapshotPath(name: string, markup: string, suffix = ''): string {
  const ext = markup.trimStart().startsWith('<svg') ? 'svg' : 'html';
  return join(OUTPUT_DIR, `${name}${suffix}.${ext}`);
}

/** Throws when `markup` differs from the stored snapshot `name`; returns the snapshot path. */
export function assertSvgSnapshot(name: string, markup: string): string {
  const actual = normalizeSvg(markup);
  const expectedPath = snapshotPath(name, markup);
  const changedPath = snapshotPath(name, markup, '-changed');
  mkdirSync(OUTPUT_DIR, { recursive: true });
  if (!existsSync(expectedPath)) {
    writeFileSync(expectedPath, actual);
    return expectedPath;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return expectedPath;
  }
  writeFileSync(changedPath, actual);
  throw new Error(`chart "${name}" differs from ${expectedPath}; the new output is in ${changedPath} (delete the snapshot to accept it)`);
}
