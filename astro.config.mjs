// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import path from 'node:path';

// SITE_BASE lets the same build be hosted under a sub-path (e.g. a project page).
export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: process.env.SITE_BASE || '/',
  // SITE_OUT_DIR lets tests build into a temporary folder.
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // The narrative reports (src/components/reports.ts); CONTENT_DIR chooses another folder.
  vite: {
    resolve: { alias: { '@reports': path.resolve(process.env.CONTENT_DIR || 'content/reports') } },
    plugins: [noServerTreeShaking()],
  },
  // No code blocks in reports; Shiki's start-up alone costs about a second of every build.
  markdown: { syntaxHighlight: false },
});

/**
 * The server bundle only renders the pages at build time and is never published (the pages
 * ship no JavaScript), so Rollup's tree-shaking of it is wasted work: about 0.35 s of a
 * 3.4 s build. A client bundle, should one ever exist, is still tree-shaken.
 * @returns {import('vite').Plugin}
 */
function noServerTreeShaking() {
  return {
    name: 'csat-no-server-tree-shaking',
    config: (_config, env) => (env.isSsrBuild ? { build: { rollupOptions: { treeshake: false } } } : undefined),
  };
}
