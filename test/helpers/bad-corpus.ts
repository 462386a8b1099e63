import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { validate } from '../../src/cli/validate';
import { runCli, type CliIo } from '../../src/cli/run';
import { displayPath } from '../../src/lib/config';
import { formatWhere } from '../../src/lib/errors';

/**
 * The bad-input corpus (test/fixtures/bad/<case>/expected.json), shared by its runners:
 * responses and the survey definition, actions, and transactions each pick their `kind`.
 */
export const CORPUS_ROOT = path.resolve(__dirname, '../fixtures/bad');

/** What every case's expected.json may say; runners read the fields of their kind. */
export interface CorpusExpected {
  kind?: string;
  description?: string;
  outcome?: 'fatal' | 'rejected' | 'ok';
  exitCode?: number;
  message?: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number | string;
  rowsRead?: number;
  used?: number;
  reasons?: Record<string, number>;
  rows?: Record<string, unknown>[];
}

/** The cases of one kind (`responses` is the default kind), sorted by folder name. */
export function corpusCases<E extends CorpusExpected = CorpusExpected>(kind: string): { name: string; dir: string; expected: E }[] {
  return fs
    .readdirSync(CORPUS_ROOT)
    .filter((d) => fs.existsSync(path.join(CORPUS_ROOT, d, 'expected.json')))
    .sort()
    .map((name) => ({ name, dir: path.join(CORPUS_ROOT, name), expected: JSON.parse(fs.readFileSync(path.join(CORPUS_ROOT, name, 'expected.json'), 'utf8')) as E }))
    .filter((c) => (c.expected.kind ?? 'responses') === kind);
}

/** `npm run validate` in-process, with its output lines and exit code. */
export async function runValidate(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env };
  const code = await runCli(validate, argv, io, ['as-of']);
  return { code, out, err };
}

/** A fatal case: one `error:` line starting at file:line:column, with the message and hint, and its exit code. */
export function expectOneLineError(result: { code: number; err: string[] }, dir: string, expected: CorpusExpected): void {
  expect(result.code).toBe(expected.exitCode);
  expect(result.err).toHaveLength(1);
  const where = formatWhere({ file: displayPath(path.join(dir, expected.file!)), line: expected.line, column: expected.column });
  expect(result.err[0].startsWith(`error: ${where}: `), `${result.err[0]}\nshould start with error: ${where}: `).toBe(true);
  expect(result.err[0]).toContain(expected.message);
  if (expected.hint) expect(result.err[0]).toContain(expected.hint);
}
