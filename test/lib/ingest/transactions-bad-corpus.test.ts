import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config';
import { ingestTransactions } from '../../../src/lib/ingest/transactions';
import { corpusCases, expectOneLineError, runValidate } from '../../helpers/bad-corpus';

/**
 * The transactions cases of the bad-input corpus (test/fixtures/bad/transactions-*, kind
 * "transactions" in expected.json; the fields are those of the responses cases, see
 * test/fixtures/bad/README.md). Each runs through `validate` in-process: a fatal case gives
 * its exit code and ONE `error:` line naming the file (and line, where there is one), no
 * stack trace. A rejected case is usable, and ingestTransactions gives the accounting
 * (rows read = used + rejected) and the rejected rows in order, with no customer or order id
 * in a rejected value.
 */
const cases = corpusCases('transactions');

describe('bad-input corpus: transactions', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases.map((c) => [c.name, c.dir, c.expected] as const))('%s', async (_name, dir, expected) => {
    const result = await runValidate(['--config', path.join(dir, 'survey.yaml')]);
    const { code, out, err } = result;
    expect(err.length).toBeLessThanOrEqual(1);
    for (const line of [...err, ...out]) expect(line).not.toMatch(/^\s+at |\n\s+at /);

    if (expected.outcome === 'fatal') {
      expectOneLineError(result, dir, expected);
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
