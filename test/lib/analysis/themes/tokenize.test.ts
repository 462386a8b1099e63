import { describe, expect, it } from 'vitest';
import { createTokenizer } from '../../../../src/lib/analysis/themes/tokenize';

describe('createTokenizer', () => {
  // Intl.Segmenter (Node 20, ICU) splits 客服 → 客|服, 性价比高 → 性|价|比高, 响应速度 → 响应|速度.
  const tokenizer = createTokenizer({ dictionary: ['响应速度', 'Customer Service'] });

  it('splits mixed Chinese and English and keeps dictionary terms whole', () => {
    expect(tokenizer.tokens('客服态度很好，性价比高，响应速度慢。Customer  Service was GREAT but the app crashed 3 times!')).toEqual([
      '客服',
      '态度',
      '很好',
      '性价比',
      '高',
      '响应速度',
      '慢',
      'customer service',
      'great',
      'app',
      'crashed',
      'times',
    ]);
  });

  it('keeps 客服 one word without any user dictionary (built-in terms)', () => {
    expect(createTokenizer().tokens('客服服务态度差')).toEqual(['客服', '服务', '态度', '差']);
    expect(createTokenizer({ defaultDictionary: false }).tokens('客服')).toEqual(['客', '服']);
  });

  it('never cuts a Latin word to fit a dictionary term', () => {
    expect(tokenizer.tokens('customer services')).toEqual(['customer', 'services']);
  });

  it('prefers the longest dictionary match', () => {
    const t = createTokenizer({ dictionary: ['响应', '响应速度'], defaultDictionary: false });
    expect(t.tokens('响应速度')).toEqual(['响应速度']);
  });

  it('drops stop words, numbers, punctuation and single Latin letters', () => {
    expect(tokenizer.tokens('the 2 a b c 100% ... 我的 of x物流')).toEqual(['物流']);
  });

  it('normalizes full-width and upper-case letters (NFKC + lower case)', () => {
    expect(tokenizer.tokens('ＧＯＯＤ Ａｐｐ')).toEqual(['good', 'app']);
  });

  it('keeps satisfaction words the generic lists drop, and takes extra stop and keep words', () => {
    expect(tokenizer.tokens('good problem 好')).toEqual(['good', 'problem', '好']);
    const t = createTokenizer({ stopWords: ['app'], keepWords: ['the'] });
    expect(t.tokens('the app')).toEqual(['the']);
  });

  it('ends a run at punctuation or a dropped word', () => {
    expect(tokenizer.runs('物流 太慢，app crashed the delivery day')).toEqual([['物流', '太慢'], ['app', 'crashed'], ['delivery', 'day']]);
  });

  it('gives nothing for blank or filler-only text', () => {
    expect(tokenizer.runs('')).toEqual([]);
    expect(tokenizer.runs('无')).toEqual([]);
    expect(tokenizer.runs('N/A')).toEqual([]);
  });
});
