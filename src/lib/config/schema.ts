import { z } from 'zod';

/** What a user may write in survey.yaml. Strict everywhere: an unknown key is a typo. */
const text = z.string().trim().min(1);
const localized = z.union([text, z.object({ 'zh-CN': text.optional(), en: text.optional() }).strict()]);
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an id of letters, digits and _ starting with a letter');

const scale = z
  .object({
    points: z.number().int().min(2).max(101),
    min: z.number().int().optional(),
    labels: z.record(z.string(), z.number().int()).optional(),
    missing: z.array(z.union([z.string(), z.number()])).optional(),
  })
  .strict();

const question = z
  .object({
    id,
    column: text,
    label: localized.optional(),
    scale: text,
    role: z.enum(['indicator', 'overall', 'nps', 'ces', 'outcome']).default('indicator'),
    group: text.optional(),
    weight: z.number().min(0, 'a weight ≥ 0').default(1),
    positive: z.union([z.string(), z.number()]).optional(),
  })
  .strict();

const segment = z
  .object({
    id,
    column: text,
    label: localized.optional(),
    order: z.array(z.union([z.string(), z.number()])).optional(),
    /** Display names of values, e.g. 企业版: { en: Enterprise }. */
    value_labels: z.record(z.string(), localized).optional(),
  })
  .strict();

export const surveySpec = z
  .object({
    title: localized,
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    timezone: text.default('UTC'),
    responses: z
      .object({
        files: z.union([text, z.array(text).min(1)]).optional(),
        /** Instead of files: per-cell sufficient statistics from a warehouse (docs/performance.md). */
        statistics: text.optional(),
        encoding: text.default('auto'),
        delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
        id: text.optional(),
        customer: text.optional(),
        date: text.optional(),
        date_format: text.default('YYYY-MM-DD'),
      })
      .strict(),
    period: z.enum(['month', 'quarter', 'year']).default('quarter'),
    segments: z.array(segment).default([]),
    scales: z.record(id, scale),
    questions: z.array(question).min(1, 'at least one question'),
    groups: z.record(id, localized).default({}),
    comments: z.array(z.union([text, z.object({ id, column: text }).strict()])).default([]),
    targets: z.record(z.string(), z.number()).default({}),
    thresholds: z
      .object({
        suppress: z.number().int().min(1).default(5),
        directional: z.number().int().min(1).default(30),
        alpha: z.number().gt(0).lt(1).default(0.05),
      })
      .strict()
      .default({}),
    weighting: z
      .object({
        method: z.enum(['rake', 'poststratify']).default('rake'),
        margins: z.record(id, z.record(z.string(), z.number().min(0, 'a population share ≥ 0'))),
        trim: z.object({ min: z.number().positive().optional(), max: z.number().positive().optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    drivers: z
      .object({
        outcome: text.optional(),
        pool_periods: z.number().int().min(1).default(4),
        performance: z.enum(['score100', 'top2']).default('score100'),
        min_per_driver: z.number().int().min(1).default(10),
      })
      .strict()
      .default({}),
    themes: z
      .object({
        dictionary: z.array(text).default([]),
        stopwords: z.array(text).default([]),
        min_docs: z.number().int().min(1).default(3),
        dissatisfied: z.enum(['bottom2', 'detractors']).default('bottom2'),
        top: z.number().int().min(1).default(10),
      })
      .strict()
      .default({}),
    actions: z.object({ file: text }).strict().optional(),
    transactions: z
      .object({
        file: text.optional(),
        summary: text.optional(),
        customer: text.default('customer_id'),
        date: text.default('date'),
        amount: text.default('amount'),
        order: text.optional(),
        quantity: text.optional(),
        date_format: text.default('YYYY-MM-DD'),
        currency: text.default('CNY'),
        time_unit: z.enum(['week', 'month']).default('month'),
        margin: z.number().min(0).max(1).default(1),
        discount_rate: z.number().min(0).default(0.1),
        horizon: z.number().int().min(1).default(12),
        retention: z.number().min(0).max(1).optional(),
      })
      .strict()
      .refine((t) => t.file || t.summary, { message: 'give `file` (raw purchases) or `summary` (per-customer summary)' })
      .optional(),
  })
  .strict();

export type SurveySpec = z.infer<typeof surveySpec>;
