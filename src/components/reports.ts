import fs from 'node:fs';
import path from 'node:path';
import type { MDXInstance } from 'astro';
import { checkFrontMatter, type ReportFrontMatter } from '../lib/reports/front-matter';

/**
 * The narrative reports: every .mdx under content/reports/ (CONTENT_DIR chooses another
 * folder, see the @reports alias in astro.config.mjs), front matter checked. Found with
 * import.meta.glob rather than a content collection: the content layer's sync cost half a
 * second of every build for two files.
 */
export interface Report {
  /** The file's path under the reports folder, without .mdx: the page's URL slug. */
  id: string;
  data: ReportFrontMatter;
  Content: MDXInstance<Record<string, unknown>>['Content'];
}

const modules = import.meta.glob<MDXInstance<Record<string, unknown>>>('@reports/**/*.mdx', { eager: true });

/** Published reports (drafts too in `astro dev`), newest period first, then by id. */
export function reports(): Report[] {
  const root = path.resolve(process.env.CONTENT_DIR || 'content/reports');
  return Object.values(modules)
    .map((m) => {
      const file = path.relative(process.cwd(), m.file);
      const data = checkFrontMatter(file, m.frontmatter, fs.readFileSync(m.file, 'utf8'));
      return { id: path.relative(root, m.file).replace(/\.mdx$/, '').split(path.sep).join('/'), data, Content: m.Content };
    })
    .filter((r) => import.meta.env.DEV || !r.data.draft)
    .sort((a, b) => (a.data.period < b.data.period ? 1 : a.data.period > b.data.period ? -1 : a.id < b.id ? -1 : 1));
}
