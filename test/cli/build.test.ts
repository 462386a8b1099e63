import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build';
import { EXIT, runCli } from '../../src/cli/run';

/** A build whose data has no usable row stops before Astro runs, with one error line and the accounting. */
describe('npm run build on fatal data errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csat-broken-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with one error line and, even under CI=true, prints the row accounting', async () => {
    fs.mkdirSync(path.join(dir, 'responses'));
    for (const f of ['survey.yaml', 'actions.csv', 'transactions.csv']) fs.copyFileSync(path.resolve('data', f), path.join(dir, f));
    const sample = fs.readFileSync(path.resolve('data/responses/2025-Q1.csv'), 'utf8').split(/\r?\n/);
    const broken = sample.slice(1, 4).map((line) => line.replace(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/, ',not a date,'));
    fs.writeFileSync(path.join(dir, 'responses', 'a.csv'), [sample[0], ...broken, ''].join('\n'));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: { CI: 'true' } };
    const code = await runCli(buildSite, ['--config', path.join(dir, 'survey.yaml')], io, ['date', 'base'], ['quiet']);
    expect(code).toBe(EXIT.data);
    expect(err).toEqual(['error: no usable rows: all 3 rows were rejected (run npm run validate to see why)']);
    expect(out.some((l) => /^ingest +1 files, 3 rows read, 0 used, 3 rejected \(unparseable date 3\)/.test(l))).toBe(true);
  });
});
