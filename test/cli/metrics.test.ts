import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metrics } from '../../src/cli/metrics';
import { parseArgs, runCli, type CliIo } from '../../src/cli/run';

const io = (): CliIo & { lines: string[]; errors: string[] } => {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), env: {} };
};

describe('npm run metrics', () => {
  it('writes every table as CSV and JSON, byte-identical across runs', async () => {
    const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-b-'))];
    for (const dir of dirs) expect(await metrics(parseArgs(['--config', 'data/survey.yaml', '--out', dir], ['out']), io())).toBe(0);
    const files = fs.readdirSync(dirs[0]).sort();
    for (const t of ['scores', 'index', 'nps', 'ces', 'outcomes', 'changes', 'gaps', 'rejected', 'drivers', 'themes', 'actions', 'uncovered', 'loyalty', 'cohorts', 'satisfaction_loyalty', 'clv_segments']) {
      expect(files).toContain(`${t}.csv`);
      expect(files).toContain(`${t}.json`);
    }
    expect(files).toContain('quality.json');
    expect(files).toContain('clv_model.json');
    for (const f of files) expect(fs.readFileSync(path.join(dirs[1], f)).equals(fs.readFileSync(path.join(dirs[0], f))), f).toBe(true);
    // No floating-point noise such as 5.55e-15 in any table.
    // (p- and q-values keep significant digits, so they may legitimately be tiny.)
    for (const f of files.filter((x) => x.endsWith('.json') && x !== 'quality.json' && x !== 'clv_model.json')) {
      const rows = JSON.parse(fs.readFileSync(path.join(dirs[0], f), 'utf8')) as Record<string, unknown>[];
      for (const row of rows) {
        for (const [k, v] of Object.entries(row)) if (typeof v === 'number' && !/(^|_)[pq]$/.test(k)) expect(String(v), `${f} ${k}`).not.toMatch(/e-/);
      }
    }
    const quality = JSON.parse(fs.readFileSync(path.join(dirs[0], 'quality.json'), 'utf8'));
    expect(quality.rowsRead).toBe(quality.used + quality.rejected);
  });

  it('says what is missing without --out, in one line with exit code 64', async () => {
    const o = io();
    expect(await runCli(metrics, ['--config', 'data/survey.yaml'], o, ['out'])).toBe(64);
    expect(o.errors).toEqual(['error: --out DIR is required (e.g. npm run metrics -- --out out/)']);
  });
});
