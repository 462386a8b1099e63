import { describe, expect, it } from 'vitest';
import { CsatError } from '../../../src/lib/errors';
import { checkFrontMatter } from '../../../src/lib/reports/front-matter';

const source = (...lines: string[]) => ['---', ...lines, '---', '', 'Text.'].join('\n');
const message = (data: unknown, text = '') => {
  try {
    checkFrontMatter('content/reports/q.mdx', data, text);
  } catch (e) {
    expect(e).toBeInstanceOf(CsatError);
    expect((e as CsatError).exitCode).toBe(2);
    return (e as CsatError).format();
  }
  return 'no error';
};

describe('report front matter', () => {
  it('accepts a complete front matter and defaults draft to false', () => {
    expect(checkFrontMatter('a.mdx', { title: 'Q4', period: '2026-Q4', summary: 'S' })).toEqual({ title: 'Q4', period: '2026-Q4', summary: 'S', draft: false });
    expect(checkFrontMatter('a.mdx', { title: 'Year', period: 'all', summary: 'S', draft: true }).draft).toBe(true);
  });

  it('names the file, the line of the field, what was found and what was expected', () => {
    const text = source('title: Q4', 'period: 2026Q4', 'summary: S');
    expect(message({ title: 'Q4', period: '2026Q4', summary: 'S' }, text)).toBe('content/reports/q.mdx:3: front matter: period: "2026Q4" (expected a period label such as 2026-Q3, 2026-07 or 2026)');
    expect(message({ title: 'Q4', period: '2026-Q4' }, source('title: Q4', 'period: 2026-Q4'))).toBe('content/reports/q.mdx:1: front matter: summary: missing (expected a text)');
    expect(message({ title: 'Q4', period: '2026-Q4', summary: 'S', draft: 'yes' }, source('title: Q4', 'period: 2026-Q4', 'summary: S', 'draft: yes'))).toBe('content/reports/q.mdx:5: front matter: draft: "yes" (expected true or false)');
    expect(message({ title: '', period: '2026-Q4', summary: 'S' })).toBe('content/reports/q.mdx: front matter: title: "" (expected a non-empty text)');
  });

  it('rejects an unknown key (a typo must not pass silently)', () => {
    expect(message({ title: 'Q4', period: '2026-Q4', summary: 'S', drfat: true }, source('title: Q4', 'period: 2026-Q4', 'summary: S', 'drfat: true'))).toBe('content/reports/q.mdx:5: front matter: unknown key drfat (expected only title, period, summary and draft)');
  });
});
