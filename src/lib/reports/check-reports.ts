import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { CsatError } from '../errors';
import { DATA_ERROR } from '../ingest/decode';
import { checkFrontMatter } from './front-matter';

/**
 * Checks the front matter of every report (*.mdx under `dir`, subfolders included) before the
 * site build hands over to Astro, read as the MDX integration reads it: a mistake then stops
 * the build with our one-line error alone, not after a line of Astro's own. The pages check
 * it again (src/components/reports.ts), so `astro dev` reports it too.
 * Returns the number of reports checked (0 when the folder does not exist).
 */
export function checkReportFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
  for (const name of files) {
    const abs = path.join(dir, name);
    const file = path.relative(process.cwd(), abs);
    const source = fs.readFileSync(abs, 'utf8');
    let frontmatter: Record<string, unknown>;
    try {
      frontmatter = parseFrontMatter(source);
    } catch (e) {
      // js-yaml's mark counts lines from the end of the opening ---, 0-based: line + 1 in the file.
      const mark = (e as { mark?: { line: number; column: number } }).mark;
      const reason = (e as { reason?: string }).reason ?? (e as Error).message;
      throw new CsatError(`front matter: not valid YAML (${reason})`, { file, line: mark && mark.line + 1, column: mark && mark.column + 1 }, {
        exitCode: DATA_ERROR,
        hint: 'expected key: value lines between the --- lines, e.g. period: 2026-Q4',
      });
    }
    checkFrontMatter(file, frontmatter, source);
  }
  return files.length;
}

// As @astrojs/markdown-remark's parseFrontmatter (what @astrojs/mdx uses): the block between
// --- lines at the very top, read by js-yaml's load; anything but an object counts as none.
// (Importing that package here instead would load the whole remark pipeline: 0.3 s a build.)
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

export function parseFrontMatter(source: string): Record<string, unknown> {
  const raw = FRONT_MATTER.exec(source)?.[1];
  const parsed: unknown = raw === undefined ? {} : yaml.load(raw);
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}
