import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/config';
import { matchHeader, normalizeHeader } from '../../../src/lib/ingest/header';
import { CsatError } from '../../../src/lib/errors';
import { BASE_YAML } from './_helpers';

const config = parseConfig(BASE_YAML, '/tmp/survey.yaml');

describe('normalizeHeader', () => {
  it('folds case, width and white space', () => {
    expect(normalizeHeader('　Ｑ１ 　')).toBe('q1');
    expect(normalizeHeader(' Customer \t ID ')).toBe('customer id');
    expect(normalizeHeader('\ufeffid')).toBe('id');
  });
});

describe('matchHeader', () => {
  it('finds every configured column by normalised name, in any order', () => {
    const plan = matchHeader(['COMMENT', 'nps', 'q2', 'Q1', 'plan', 'date', 'customer', 'ID', 'unused'], config, 'a.csv', 1);
    expect(plan).toMatchObject({ id: 7, customer: 6, date: 5, segments: [4], questions: [3, 2, 1], comments: [0] });
    expect(plan.names[3]).toBe('Q1');
  });

  it('copes with 100,000 columns', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `extra${i}`);
    header.splice(50_000, 0, 'id', 'customer', 'date', 'plan', 'q1', 'q2', 'nps', 'comment');
    expect(matchHeader(header, config, 'a.csv', 1).comments).toEqual([50_007]);
  });

  it('suspects the delimiter when the whole header is one column', () => {
    expect(() => matchHeader(['id;customer;date'], config, 'a.csv', 1)).toThrow(expect.objectContaining({ hint: 'the header is one single column: is responses.delimiter right?' }));
  });

  it('lists at most 30 names of a wide header in the missing-column message', () => {
    const header = Array.from({ length: 40 }, (_, i) => `c${i}`);
    let error: CsatError | undefined;
    try {
      matchHeader(header, config, 'a.csv', 3);
    } catch (e) {
      error = e as CsatError;
    }
    expect(error?.where).toEqual({ file: 'a.csv', line: 3 });
    expect(error?.message).toMatch(/missing column "id" \(responses\.id in the survey definition\); the header has 40 columns: "c0", .*"c29" … and 10 more$/);
    expect(error?.exitCode).toBe(2);
  });
});
