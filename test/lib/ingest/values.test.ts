import { describe, expect, it } from 'vitest';
import { normalizeScale } from '../../../src/lib/config/normalize';
import { AnswerCodes, expectedAnswer, interpretAnswer } from '../../../src/lib/ingest/values';

const sat5 = normalizeScale('sat5', {
  points: 5,
  labels: { 非常满意: 5, 满意: 4, 一般: 3, 不满意: 2, 非常不满意: 1, 'Very satisfied': 5, Satisfied: 4 },
  missing: ['不适用', 'N/A'],
});
const items5 = normalizeScale('items5', { points: 5, missing: [0] });
const nps11 = normalizeScale('nps11', { points: 11 });

describe('interpretAnswer', () => {
  it('matches labels exactly: 满意 is not 非常满意 and not 不满意', () => {
    expect(interpretAnswer('满意', sat5)).toEqual({ value: 4 });
    expect(interpretAnswer('非常满意', sat5)).toEqual({ value: 5 });
    expect(interpretAnswer('不满意', sat5)).toEqual({ value: 2 });
    expect(interpretAnswer('非常不满意', sat5)).toEqual({ value: 1 });
    expect(interpretAnswer('很满意', sat5)).toEqual({ value: NaN, problem: 'unknown label' });
    expect(interpretAnswer('满意度高', sat5)).toEqual({ value: NaN, problem: 'unknown label' });
  });

  it('trims (full-width spaces too), NFKC-normalises and ignores case before matching', () => {
    expect(interpretAnswer('　满意 ', sat5).value).toBe(4);
    expect(interpretAnswer(' VERY SATISFIED', sat5).value).toBe(5);
    expect(interpretAnswer('ｓａｔｉｓｆｉｅｄ', sat5).value).toBe(4);
  });

  it('treats blanks and missing codes as missing, for this question only', () => {
    for (const cell of ['', '   ', '不适用', 'n/a', 'N/A']) expect(interpretAnswer(cell, sat5)).toEqual({ value: NaN });
  });

  it('reads numbers: full-width digits, a sign, leading zeros and .0 are fine', () => {
    expect(interpretAnswer('４', sat5).value).toBe(4);
    expect(interpretAnswer('+5', sat5).value).toBe(5);
    expect(interpretAnswer('03', sat5).value).toBe(3);
    expect(interpretAnswer('4.0', sat5).value).toBe(4);
    expect(interpretAnswer('１０', nps11).value).toBe(10);
  });

  it('rejects numbers outside the scale, and fractions, as out of range', () => {
    expect(interpretAnswer('6', sat5).problem).toBe('out of range');
    expect(interpretAnswer('-1', nps11).problem).toBe('out of range');
    expect(interpretAnswer('11', nps11).problem).toBe('out of range');
    expect(interpretAnswer('4.5', sat5).problem).toBe('out of range');
  });

  it('rejects a decimal comma and text in a numeric scale as not a number', () => {
    expect(interpretAnswer('4,5', sat5).problem).toBe('not a number');
    expect(interpretAnswer('４，５', sat5).problem).toBe('not a number');
    expect(interpretAnswer('ten', nps11).problem).toBe('not a number');
    expect(interpretAnswer('1e1', nps11).problem).toBe('not a number');
  });

  it('lets a numeric missing code win over the range check (0 = not applicable)', () => {
    expect(interpretAnswer('0', items5)).toEqual({ value: NaN });
    expect(interpretAnswer('0.0', items5)).toEqual({ value: NaN });
    expect(interpretAnswer('5', items5)).toEqual({ value: 5 });
    expect(interpretAnswer('6', items5).problem).toBe('out of range');
  });
});

describe('expectedAnswer', () => {
  it('lists the labels high to low, the numbers and the missing codes', () => {
    expect(expectedAnswer(sat5, 'zh-CN')).toBe('one of 非常满意, 满意, 一般, 不满意, 非常不满意 or a whole number 1–5; for no answer: blank, 不适用, n/a');
    expect(expectedAnswer(sat5, 'en')).toContain('one of Very satisfied, Satisfied, 一般');
    expect(expectedAnswer(nps11, 'en')).toBe('a whole number 0–10; for no answer: blank');
  });
});

describe('AnswerCodes', () => {
  it('maps cells to level codes, missing and one code per problem', () => {
    const c = new AnswerCodes(sat5);
    expect(c.code('满意')).toBe(4 - sat5.min); // value − min
    expect(c.code('1')).toBe(0);
    expect(c.code('')).toBe(c.missing);
    expect(c.problemOf[c.code('很满意')]).toBe('unknown label');
    expect(c.problemOf[c.code('9')]).toBe('out of range');
    expect(c.problemOf[c.code('4,5')]).toBe('not a number');
    expect(c.problemOf[c.code('满意')]).toBeUndefined();
  });
});
