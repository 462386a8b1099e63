import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodSlug, withBase } from '../../src/lib/url';

// Period labels as ingest makes them (src/lib/ingest/dates.ts): 2026-Q3, 2026-07, 2026, all.
const label = fc.oneof(
  fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.integer({ min: 1990, max: 2100 }).map(String),
  fc.constant('all'),
);

describe('period URLs', () => {
  it('turns a label into a lower-case slug', () => {
    expect(periodSlug('2026-Q3')).toBe('2026-q3');
    expect(periodSlug('2026-07')).toBe('2026-07');
    expect(periodSlug('2026')).toBe('2026');
  });

  it('a new period never renames the pages of the old ones', () => {
    fc.assert(
      fc.property(fc.uniqueArray(label, { minLength: 1, maxLength: 12 }), label, (periods, added) => {
        const before = periods.map(periodSlug);
        const after = [...periods, added].sort().map(periodSlug);
        // Each old period keeps its slug, whatever is added and wherever it sorts.
        for (const slug of before) expect(after).toContain(slug);
        expect(periods.map(periodSlug)).toEqual(before);
      }),
    );
  });

  it('gives distinct periods distinct, URL-safe slugs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(label, { minLength: 2, maxLength: 20 }), (periods) => {
        const slugs = periods.map(periodSlug);
        expect(new Set(slugs).size).toBe(periods.length);
        for (const s of slugs) expect(s).toMatch(/^[a-z0-9-]+$/);
      }),
    );
  });

  it('joins the base and a site path with exactly one slash', () => {
    expect(withBase('/', 'periods/2026-q3/')).toBe('/periods/2026-q3/');
    expect(withBase('/csat/', '/periods/')).toBe('/csat/periods/');
    expect(withBase('/csat', '')).toBe('/csat/');
  });
});
