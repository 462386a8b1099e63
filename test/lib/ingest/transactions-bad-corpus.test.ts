import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/cli/run';
import { validate } from '../../../src/cli/validate';
import { displayPath, loadConfig } from '../../../src/lib/config';
import { formatWhere } from '../../../src/lib/errors';
import { ingestTransactions } from '../../../src/lib/ingest/transactions';

/**
 * The transactions cases of the bad-input corpus (test/fixtures/bad/transactions-*, kind
 * "transactions" in expected.json; the fields are those of the responses cases, see
 * test/fixtures/bad/README.md). Each runs through `validate` in-process: a fatal case gives
 * its exit code and ONE `error:` line naming the file (and line, where there is one), no
 * stack trace. A rejected case is usable, and ingestTransactions gives the accounting
 * (rows read = used + rejected) and the rejected rows in order, with no customer or order id
 * in a rejected value.
 */
interface Expected {
  kind: string;
  description: string;
  outcome: 'fatal' | 'rejected';
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

const root = path.resolve(__dirname, '../../fixtures/bad');
const cases = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'expected.json')))
  .sort()
  .map((name) => ({ name, expected: JSON.parse(fs.readFileSync(path.join(root, name, 'expected.json'), 'utf8')) as Expected }))
  .filter((c) => c.expected.kind === 'transactions');

async function runValidate(dir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {} };
  const code = await runCli(validate, ['--config', path.join(dir, 'survey.yaml')], io);
  return { code, out, err };
}

describe('bad-input corpus: transactions', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases.map((c) => [c.name, c.expected] as const))('%s', async (name, expected) => {
    const dir = path.join(root, name);
    const { code, out, err } = await runValidate(dir);
    expect(err.length).toBeLessThanOrEqual(1);
    for (const line of [...err, ...out]) expect(line).not.toMatch(/^\s+at |\n\s+at /);

    if (expected.outcome === 'fatal') {
      expect(code).toBe(expected.exitCode);
      expect(err).toHaveLength(1);
      const where = formatWhere({ file: displayPath(path.join(dir, expected.file!)), line: expected.line, column: expected.column });
      expect(err[0].startsWith(`error: ${where}`), `${err[0]}\nshould start with error: ${where}`).toBe(true);
      expect(err[0]).toContain(expected.message);
      if (expected.hint) expect(err[0]).toContain(expected.hint);
      return;
    }

    expect(err).toEqual([]);
    expect(code).toBe(0);
    const t = ingestTransactions(loadConfig(path.join(dir, 'survey.yaml')))!;
    const a = t.accounting;
    expect(out.some((l) => l.startsWith('transactions') && l.includes(`read ${a.rowsRead} = used ${a.used} + rejected ${a.rejected}`)), out.join('\n')).toBe(true);
    expect(a.rowsRead).toBe(a.used + a.rejected);
    expect(a.rowsRead).toBe(expected.rowsRead);
    expect(a.used).toBe(expected.used);
    expect(a.byReason).toEqual(expected.reasons);
    expect(t.rejected).toHaveLength(a.rejected);
    (expected.rows ?? []).forEach((row, i) => expect(t.rejected[i]).toMatchObject(row));
    for (const r of t.rejected) {
      expect(r.line).toBeGreaterThanOrEqual(2);
      expect(r.column).not.toBe('');
      expect(r.expected).not.toBe('');
      expect(r.value).not.toMatch(/^[CO]\d+$/);
    }
  });
});
