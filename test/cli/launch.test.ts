import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config';
import { ingestResponses } from '../../src/lib/ingest/ingest';
import { compile } from '../../src/cli/launch.mjs';

/** The launcher behind the npm scripts: src/lib and src/cli compiled once, run as plain ESM. */
describe('src/cli/launch.mjs', () => {
  it('compiles the sources once: a second call reuses the same tree', async () => {
    const dir = await compile();
    expect(await compile()).toBe(dir);
    for (const f of ['cli/build.mjs', 'cli/run.mjs', 'lib/model/load-model.mjs', 'lib/parallel/worker.mjs']) expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
  });

  it('rejects an unknown command with one line and exit code 64', () => {
    const run = spawnSync(process.execPath, ['src/cli/launch.mjs', 'nope'], { encoding: 'utf8' });
    expect(run.status).toBe(64);
    expect(run.stderr).toBe('error: no command "nope" (expected the name of a file in src/cli/, e.g. build)\n');
  });

  it('runs the helper thread from the compiled tree, with the same rows as one pass in TypeScript', async () => {
    const dir = await compile();
    const url = (f: string) => JSON.stringify(pathToFileURL(path.join(dir, f)).href);
    const script = `
      const { Helper } = await import(${url('lib/parallel/helper.mjs')});
      const { loadConfig } = await import(${url('lib/config/index.mjs')});
      const { ingestResponses } = await import(${url('lib/ingest/ingest.mjs')});
      const helper = Helper.start({ CSAT_COMPILED: ${JSON.stringify(dir)} });
      if (!helper) throw new Error('no helper thread');
      const r = ingestResponses(loadConfig('data/survey.yaml'), { helper, parallelFrom: 0, helperFiles: 4 });
      helper.close();
      console.log(JSON.stringify({ accounting: r.accounting, rows: r.table.numRows() }));`;
    // A file, not --input-type=module -e: the worker would inherit that flag and fail to start.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csat-launch-')), 'run.mjs');
    fs.writeFileSync(file, script);
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8', cwd: process.cwd() });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const one = ingestResponses(loadConfig(path.resolve('data/survey.yaml')));
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify({ accounting: one.accounting, rows: one.table.numRows() })));
  });
});
