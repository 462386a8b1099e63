import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../../src/lib/config';
import { CsatError } from '../../../src/lib/errors';

const FILE = '/tmp/surveys/survey.yaml';
const BASE = `title: Test
responses:
  files: "*.csv"
scales:
  sat5: { points: 5, labels: { 满意: 4 } }
questions:
  - { id: q1, column: q1, scale: sat5 }
  - { id: q2, column: q2, scale: sat5, weight: 1 }
`;

/** The one line a user sees, from a definition that must fail. */
function problem(source: string): string {
  try {
    parseConfig(source, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(CsatError);
    return (e as CsatError).format();
  }
  throw new Error('expected the definition to be rejected');
}

describe('survey definition errors name file:line:col, the YAML path and what is allowed', () => {
  it('accepts the base definition', () => {
    const c = parseConfig(BASE, FILE);
    expect(c.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(c.responses.files).toEqual(['/tmp/surveys/*.csv']);
  });

  it('a typo key, with a suggestion (top level and nested)', () => {
    expect(problem(`${BASE}segmnets: []\n`)).toBe('/tmp/surveys/survey.yaml:9:1: unknown key "segmnets" (did you mean "segments"?)');
    expect(problem(BASE.replace('  files:', '  filez:'))).toBe('/tmp/surveys/survey.yaml:3:3: responses: unknown key "filez" (did you mean "files"?)');
  });

  it('a negative weight', () => {
    expect(problem(BASE.replace('weight: 1', 'weight: -1'))).toBe('/tmp/surveys/survey.yaml:8:48: questions[1].weight: a weight ≥ 0');
  });

  it('a question pointing at an unknown scale', () => {
    expect(problem(BASE.replace('scale: sat5, weight', 'scale: agree7, weight'))).toBe('/tmp/surveys/survey.yaml:8:34: questions[1].scale: unknown scale "agree7"; defined scales: sat5');
  });

  it('an alias without its anchor, and an alias inside its own anchor', () => {
    expect(problem(BASE.replace('scale: sat5, weight', 'scale: *nope, weight'))).toBe(
      '/tmp/surveys/survey.yaml:8:34: invalid YAML: alias *nope has no anchor &nope before it (check anchors (&name) and aliases (*name))',
    );
    expect(problem(`${BASE}groups: &g { a: *g }\n`)).toBe(
      '/tmp/surveys/survey.yaml:9:17: invalid YAML: alias *g refers to its own anchor (a circular reference) (check anchors (&name) and aliases (*name))',
    );
  });

  it('a missing required field', () => {
    expect(problem(BASE.replace('title: Test\n', ''))).toBe('/tmp/surveys/survey.yaml:1:1: title: required');
    expect(problem(BASE.replace('column: q2, ', ''))).toBe('/tmp/surveys/survey.yaml:8:5: questions[1].column: required; expected string');
  });

  it('an enum value, and broken YAML syntax', () => {
    expect(problem(BASE.replace('weight: 1', 'weight: 1, role: driver'))).toBe(
      '/tmp/surveys/survey.yaml:8:57: questions[1].role: "driver" is not allowed; expected one of: indicator, overall, nps, ces, outcome',
    );
    expect(problem(`${BASE}title: Again\n`)).toBe('/tmp/surveys/survey.yaml:9:1: invalid YAML: Map keys must be unique');
  });

  it('a missing definition file points at --config and SURVEY_CONFIG', () => {
    let error: CsatError | undefined;
    try {
      loadConfig(path.join('/nonexistent', 'survey.yaml'));
    } catch (e) {
      error = e as CsatError;
    }
    expect(error?.format()).toBe('/nonexistent/survey.yaml: survey definition not found (pass --config path or set SURVEY_CONFIG)');
  });
});

describe('segment value labels', () => {
  it('names values per language, falling back to the value as written', () => {
    const config = loadConfig(path.resolve('data/survey.yaml'));
    const plan = config.segments.find((s) => s.id === 'plan')!;
    expect(plan.valueLabels['企业版']).toEqual({ 'zh-CN': '企业版', en: 'Enterprise' });
  });
});
