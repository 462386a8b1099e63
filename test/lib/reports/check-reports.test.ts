import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsatError } from '../../../src/lib/errors';
import { checkReportFiles, parseFrontMatter } from '../../../src/lib/reports/check-reports';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A reports folder with these files (name → text). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csat-reports-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const report = (...lines: string[]) => ['---', ...lines, '---', '', 'Text.'].join('\n');
const good = report('title: Q4', 'period: 2026-Q4', 'summary: S');

function failure(dir: string): string {
  try {
    checkReportFiles(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(CsatError);
    expect((e as CsatError).exitCode).toBe(2);
    return (e as CsatError).format().replace(path.relative(process.cwd(), dir), '<dir>');
  }
  return 'no error';
}

describe('checkReportFiles', () => {
  it('checks every .mdx, subfolders included, and counts them', () => {
    expect(checkReportFiles(folder({ 'a.mdx': good, 'sub/b.mdx': good, 'notes.md': 'not a report' }))).toBe(2);
    expect(checkReportFiles(path.join(os.tmpdir(), 'csat-no-such-folder'))).toBe(0);
    // The project's own reports pass.
    expect(checkReportFiles('content/reports')).toBe(2);
  });

  it('names the file and line of a bad field, what was found and what was expected', () => {
    const dir = folder({ 'a.mdx': good, 'sub/b.mdx': report('title: Q4', 'period: 2026-Q9', 'summary: S') });
    expect(failure(dir)).toBe('<dir>/sub/b.mdx:3: front matter: period: "2026-Q9" (expected a period label such as 2026-Q3, 2026-07 or 2026)');
  });

  it('reports front matter that is not YAML with the line where the parser stopped', () => {
    const dir = folder({ 'a.mdx': report('title: Q4', 'period: 2026-Q4', 'summary: "S') });
    expect(failure(dir)).toMatch(/^<dir>\/a\.mdx:\d+:\d+: front matter: not valid YAML \(.+\) \(expected key: value lines between the --- lines, e.g\. period: 2026-Q4\)$/);
    const bad = folder({ 'a.mdx': report('title: Q4', 'period: [2026-Q4', 'summary: S') });
    expect(failure(bad)).toMatch(/^<dir>\/a\.mdx:4:1: front matter: not valid YAML/);
  });

  it('stops `npm run build` with that one line and exit code 2, before Astro starts', () => {
    const dir = folder({ 'a.mdx': report('title: Q4', 'period: 2026-Q4', 'summary: S', 'drfat: true') });
    const run = spawnSync(process.execPath, ['src/cli/launch.mjs', 'build', '--quiet'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([`error: ${path.relative(process.cwd(), dir)}/a.mdx:5: front matter: unknown key drfat (expected only title, period, summary and draft)`]);
  });
});

describe('front matter read as the MDX integration reads it', () => {
  it('equals @astrojs/markdown-remark parseFrontmatter on every report in the project and on edge cases', async () => {
    const { parseFrontmatter } = await import('@astrojs/markdown-remark');
    const files = ['content/reports', 'test/fixtures/payload/reports'].flatMap((d) => fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).map((f) => path.join(d, f)));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const edge = ['\uFEFF---\ntitle: BOM\n---\n', '\n---\ntitle: blank line first\n---\n', 'no front matter', '---\n- a list\n---\n', '---\n---\n', '---\ndate: 2026-07-01\n---\n'];
    for (const source of [...files.map((f) => fs.readFileSync(f, 'utf8')), ...edge]) expect(parseFrontMatter(source)).toEqual(parseFrontmatter(source).frontmatter);
  });
});
