import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { ZodArray, ZodDefault, ZodEffects, ZodObject, ZodOptional, ZodRecord, ZodUnion, type AnyZodObject, type ZodIssue, type ZodTypeAny } from 'zod';
import { surveySpec } from './schema';
import { ConfigIssue, normalizeSurvey } from './normalize';
import type { SurveyConfig } from './types';
import { CsatError } from '../errors';
import { closest } from '../util/closest';

export const DEFAULT_CONFIG = 'data/survey.yaml';

/** The survey definition to use: an explicit path, else SURVEY_CONFIG, else data/survey.yaml. */
export function resolveConfigPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.SURVEY_CONFIG ?? DEFAULT_CONFIG);
}

export function loadConfig(file: string = resolveConfigPath()): SurveyConfig {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CsatError(code === 'ENOENT' ? 'survey definition not found' : `cannot read survey definition (${code})`, { file: displayPath(file) }, {
      hint: 'pass --config path or set SURVEY_CONFIG',
    });
  }
  return parseConfig(source, file);
}

/** Parses and checks a survey definition given as text; `file` names it in messages and anchors relative paths. */
export function parseConfig(source: string, file: string): SurveyConfig {
  const shown = displayPath(file);
  const lines = new LineCounter();
  const doc = parseDocument(source.replace(/^\ufeff/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = lines.linePos(yamlError.pos[0]);
    throw new CsatError(`invalid YAML: ${yamlError.message.split('\n')[0]}`, { file: shown, line: pos.line, column: pos.col });
  }
  const badAlias = findBadAlias(doc);
  if (badAlias) {
    const pos = lines.linePos(badAlias.offset);
    throw new CsatError(`invalid YAML: ${badAlias.message}`, { file: shown, line: pos.line, column: pos.col }, { hint: 'check anchors (&name) and aliases (*name)' });
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new CsatError(`invalid YAML: ${(e as Error).message}`, { file: shown }, { hint: 'check anchors (&name) and aliases (*name)' });
  }
  const parsed = surveySpec.safeParse(raw ?? {});
  if (!parsed.success) {
    // An unknown key is usually the cause of the other problems (a typo'd required key).
    const issues = [...parsed.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    if (first.code === 'unrecognized_keys') {
      // Point at the unknown key itself, not at its value.
      const key = keyNode(doc, first.path, first.keys[0]);
      const pos = key?.range ? lines.linePos(key.range[0]) : undefined;
      const prefix = first.path.length ? `${formatPath(first.path)}: ` : '';
      throw new CsatError(prefix + describeIssue(first) + more, { file: shown, line: pos?.line, column: pos?.col });
    }
    throw located(doc, lines, shown, first.path, describeIssue(first) + more);
  }
  try {
    return normalizeSurvey(parsed.data, file);
  } catch (e) {
    if (e instanceof ConfigIssue) throw located(doc, lines, shown, e.path, e.message);
    throw e;
  }
}

function describeIssue(issue: ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(issue);
    return issue.keys
      .map((k) => {
        const hint = allowed ? closest(k, allowed) : undefined;
        return `unknown key "${k}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
      })
      .join('; ');
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `required; expected ${issue.expected}`;
  if (issue.code === 'invalid_union' && issue.unionErrors.every((u) => u.issues.some((i) => i.code === 'invalid_type' && i.received === 'undefined' && i.path.length === issue.path.length))) {
    return 'required';
  }
  if (issue.code === 'invalid_enum_value') return `"${String(issue.received)}" is not allowed; expected one of: ${issue.options.join(', ')}`;
  return issue.message;
}

// zod 3 does not list the allowed keys; recover them by walking the schema along the path.
function allowedKeys(issue: ZodIssue): string[] | undefined {
  let node: ZodTypeAny | undefined = surveySpec;
  for (const step of issue.path) node = node && childSchema(node, step);
  const object = node && objectOf(node);
  return object ? Object.keys(object.shape) : undefined;
}

function objectOf(node: ZodTypeAny): AnyZodObject | undefined {
  if (node instanceof ZodObject) return node;
  if (node instanceof ZodDefault || node instanceof ZodOptional) return objectOf(node._def.innerType);
  if (node instanceof ZodEffects) return objectOf(node._def.schema);
  if (node instanceof ZodUnion) for (const o of node._def.options as ZodTypeAny[]) { const x = objectOf(o); if (x) return x; }
  return undefined;
}

function childSchema(node: ZodTypeAny, step: string | number): ZodTypeAny | undefined {
  if (node instanceof ZodDefault || node instanceof ZodOptional) return childSchema(node._def.innerType, step);
  if (node instanceof ZodEffects) return childSchema(node._def.schema, step);
  if (node instanceof ZodArray) return node.element;
  if (node instanceof ZodRecord) return node.valueSchema;
  if (node instanceof ZodUnion) {
    for (const o of node._def.options as ZodTypeAny[]) { const c = childSchema(o, step); if (c) return c; }
    return undefined;
  }
  if (node instanceof ZodObject) return node.shape[step as string];
  return undefined;
}

/** An alias whose anchor is not defined before it, or that sits inside its own anchor (a cycle). */
function findBadAlias(doc: Document): { offset: number; message: string } | undefined {
  let found: { offset: number; message: string } | undefined;
  visit(doc, {
    Alias(_, node) {
      const offset = node.range?.[0] ?? 0;
      const target = node.resolve(doc);
      if (!target) found = { offset, message: `alias *${node.source} has no anchor &${node.source} before it` };
      else if (target.range && target.range[0] <= offset && offset < target.range[2]) found = { offset, message: `alias *${node.source} refers to its own anchor (a circular reference)` };
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

/** `questions[3].scale` from a path array. */
export function formatPath(at: readonly (string | number)[]): string {
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function located(doc: Document, lines: LineCounter, file: string, at: (string | number)[], message: string, pointAt = at): CsatError {
  const node = deepestNode(doc, pointAt);
  const pos = node?.range ? lines.linePos(node.range[0]) : undefined;
  const prefix = at.length ? `${formatPath(at)}: ` : '';
  return new CsatError(prefix + message, { file, line: pos?.line, column: pos?.col });
}

function keyNode(doc: Document, parent: (string | number)[], key: string): Node | undefined {
  const map = (parent.length ? doc.getIn(parent, true) : doc.contents) as { items?: { key?: unknown }[] } | undefined;
  const pair = map?.items?.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key : deepestNode(doc, [...parent, key]);
}

function deepestNode(doc: Document, at: (string | number)[]): Node | undefined {
  for (let k = at.length; k >= 0; k--) {
    const node = doc.getIn(at.slice(0, k), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
