/**
 * `npm run bench:ab -- <git revision> [--runs 10] [--size 1000000] [--one-file] [--seed N]`
 *
 * The data stage of this working tree (B) against that of another revision (A), in
 * alternating fresh processes on the same generated data set: the way to tell a change of a
 * few per cent from the noise of a shared host, where single runs move by 10–30 %. Prints
 * each side's median stage and CPU time and the median of the run-by-run differences
 * (B − A), and whether both built the same model (a hash of all of it). The revision is
 * checked out once into bench-data/ab/<commit> (a git worktree sharing node_modules).
 * CSAT_THREADS=1 in the environment compares one thread against one thread.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../lib/sample/index';
import { ensureDataSet, oneFileDataSet } from './bench/data';
import { runChild, type Run } from './bench/measure';
import { pairedSummary } from './bench/paired';

const ROOT = 'bench-data';

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '10' },
      size: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'one-file': { type: 'boolean', default: false },
    },
  });
  const [revision] = positionals;
  const runs = Number(values.runs);
  const size = Number(values.size);
  if (!revision) throw new Error('bench:ab: name the revision to compare against, e.g. npm run bench:ab -- HEAD~3');
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" must be a whole number ≥ 1`);
  if (!Number.isInteger(size) || size < 8) throw new Error(`--size: "${values.size}" must be a whole number ≥ 8`);
  const log = (line: string) => console.log(line);

  let data = ensureDataSet(ROOT, size, Number(values.seed), log);
  if (values['one-file']) data = oneFileDataSet(ROOT, data, log);
  const config = path.resolve(data.config);
  const other = worktree(revision, log);
  const env = { ...process.env, BENCH_MODEL_HASH: '1' };
  const stage = (root: string): Run => runChild([path.join(root, 'src/cli/launch.mjs'), 'bench/stage-csat', config], env);
  const sides = { A: other, B: process.cwd() };

  // Once each untimed (compiles each tree, warms the page cache), then alternating pairs,
  // A first in even pairs and B first in odd ones, so neither always runs on a warmer machine.
  const hashes = { A: stage(sides.A).report.modelHash, B: stage(sides.B).report.modelHash };
  const measured: Record<'A' | 'B', Run[]> = { A: [], B: [] };
  for (let r = 0; r < runs; r++) {
    for (const side of r % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) measured[side].push(stage(sides[side]));
    log(`pair ${r + 1}: A ${measured.A[r].stageMs!.toFixed(0)} ms, B ${measured.B[r].stageMs!.toFixed(0)} ms`);
  }
  const time = pairedSummary(measured.A.map((x) => x.stageMs!), measured.B.map((x) => x.stageMs!));
  const cpu = pairedSummary(measured.A.map((x) => x.cpuMs!), measured.B.map((x) => x.cpuMs!));
  const same = hashes.A !== undefined && hashes.A === hashes.B;
  log('');
  log(`data set: ${data.dir} (${size} responses${values['one-file'] ? ', one file' : ''}); A = ${revision} (${path.basename(other)}), B = the working tree`);
  log(`stage: A ${time.medianA.toFixed(0)} ms, B ${time.medianB.toFixed(0)} ms; B − A run by run: median ${signed(time.medianDifference)} ms, B lower in ${time.bLower} of ${time.pairs} pairs`);
  log(`CPU:   A ${cpu.medianA.toFixed(0)} ms, B ${cpu.medianB.toFixed(0)} ms; B − A run by run: median ${signed(cpu.medianDifference)} ms`);
  log(hashes.A === undefined ? 'model: A does not report a model hash (a revision before bench-ab)' : `model: ${same ? 'the same' : 'DIFFERENT'} (A ${hashes.A}, B ${hashes.B})`);
  fs.mkdirSync('.bench', { recursive: true });
  const runsOf = (side: 'A' | 'B') => measured[side].map((x) => ({ stageMs: x.stageMs, cpuMs: x.cpuMs, maxRssKB: x.maxRssKB }));
  fs.writeFileSync('.bench/ab.json', `${JSON.stringify({ date: new Date().toISOString(), revision, data: data.dir, time, cpu, hashes, runs: { A: runsOf('A'), B: runsOf('B') } }, null, 2)}\n`);
  log('written to .bench/ab.json');
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)}`;

/** The revision checked out (once) into bench-data/ab/<commit>, with this tree's node_modules. */
function worktree(revision: string, log: (line: string) => void): string {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${revision}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = path.resolve(ROOT, 'ab', commit.slice(0, 12));
  if (!fs.existsSync(path.join(dir, 'src/cli/launch.mjs'))) {
    log(`checking out ${revision} (${commit.slice(0, 12)}) into ${path.relative(process.cwd(), dir)}`);
    fs.rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'prune']);
    execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { stdio: 'ignore' });
    fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  }
  return dir;
}

main();
