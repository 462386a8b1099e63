import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Narrative reports: MDX files under content/reports/ (CONTENT_DIR chooses another folder,
 * e.g. the payload fixture's reports in the security tests), front matter checked here.
 */
const reports = defineCollection({
  loader: glob({ base: process.env.CONTENT_DIR || './content/reports', pattern: '**/*.mdx' }),
  schema: z
    .object({
      title: z.string().min(1),
      period: z.string().regex(/^(\d{4}(-Q[1-4]|-\d{2})?|all)$/, 'a period label such as 2026-Q3, 2026-07 or 2026'),
      summary: z.string().min(1),
      draft: z.boolean().default(false),
    })
    .strict(),
});

export const collections = { reports };
