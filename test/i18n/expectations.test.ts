import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config';
import { ingestResponses } from '../../src/lib/ingest/ingest';
import { expectedText } from '../../src/i18n/expectations';
import type { RejectedRow } from '../../src/lib/ingest/types';
import { BASE_HEADER, BASE_YAML, removeTemp, surveyIn, tempDir } from '../lib/ingest/_helpers';

/**
 * The page's wording of what a rejected cell should have held: in English it must read as
 * ingest's own message (the oracle), in Chinese it must be Chinese, for every reason.
 */
const dir = tempDir('csat-expect-');
afterAll(() => removeTemp(dir));

// One row for each reason ingest gives (asOf makes the 2027 date a future one).
const rows = [
  'R1,C1,2026-01-05 09:00,x,满意,一般,9,ok',
  'R1,C2,2026-01-06 09:00,x,满意,一般,9,', // duplicate id
  ',C3,2026-01-06 09:00,x,满意,一般,9,', // missing id
  'R3,C3,2026-13-01 09:00,x,满意,一般,9,', // unparseable date
  'R4,C4,2027-01-01 09:00,x,满意,一般,9,', // future date
  'R5,C5,2026-01-07 09:00,x,好极了,一般,9,', // unknown label
  'R6,C6,2026-01-07 09:00,x,满意,7,9,', // out of range
  'R7,C7,2026-01-07 09:00,x,满意,一般,abc,', // not a number (a scale without labels)
  'R8,C8,2026-01-07 09:00,x,不适用,,,', // no answers
  'R9,C9,2026-01-07 09:00,x,满意', // ragged row
];

function rejected(): { rows: RejectedRow[]; config: ReturnType<typeof loadConfig> } {
  const config = surveyIn(dir, BASE_YAML, { 'a.csv': [BASE_HEADER, ...rows].join('\n') });
  return { rows: ingestResponses(config, { asOf: new Date('2026-12-31T00:00:00Z') }).rejected, config };
}

describe('what a rejected cell should have held, in the page language', () => {
  it('gives every reason', () => {
    expect(rejected().rows.map((r) => r.reason).sort()).toEqual(['duplicate id', 'future date', 'missing id', 'no answers', 'not a number', 'out of range', 'ragged row', 'unknown label', 'unparseable date']);
  });

  it("reads in English as ingest's message, for these rows and the sample's", () => {
    const { rows: mine, config } = rejected();
    for (const r of mine) expect(expectedText(r, config, 'en'), r.reason).toBe(r.expected);
    const sample = loadConfig(path.resolve('data/survey.yaml'));
    const theirs = ingestResponses(sample).rejected;
    expect(theirs.length).toBeGreaterThan(5);
    for (const r of theirs) expect(expectedText(r, sample, 'en'), r.reason).toBe(r.expected);
  });

  it('reads in Chinese for zh-CN, with the values it names', () => {
    const { rows: mine, config } = rejected();
    const zh = Object.fromEntries(mine.map((r) => [r.reason, expectedText(r, config, 'zh-CN')]));
    for (const [reason, text] of Object.entries(zh)) {
      expect(text, reason).toMatch(/^应/);
      expect(text, reason).not.toMatch(/\b(one of|a date|a response|fields|whole number|blank)\b/);
    }
    expect(zh['unknown label']).toBe('应为 非常满意、满意、一般、不满意、非常不满意 之一，或 1–5 的整数；未作答可填：留空、不适用');
    expect(zh['not a number']).toBe('应为 0–10 的整数；未作答可填：留空、n/a');
    expect(zh['duplicate id']).toBe('应为未用过的答卷编号；此编号首次出现在 a.csv:2');
    expect(zh['ragged row']).toBe('应与表头同为 8 列；实际 5 列');
    expect(zh['future date']).toBe('应为不晚于 2026-12-31T00:00:00.000Z 的日期');
    expect(zh['unparseable date']).toBe('应为形如 YYYY-MM-DD HH:mm 的日期（例如 2026-07-01 09:30）或 ISO 8601 格式');
    expect(zh['no answers']).toBe('应至少回答一题；全部 3 题均为空或缺失代码');
  });

  it('keeps the English message for a row without the detail its reason needs', () => {
    const { config } = rejected();
    const row: RejectedRow = { file: 'a.csv', line: 2, column: 'q1', value: 'x', reason: 'unknown label', expected: 'one of …' };
    expect(expectedText(row, config, 'zh-CN')).toBe('one of …');
  });
});
