/**
 * `npm run bench [-- --sizes 100000,1000000] [--runs 3] [--skip-site] [--seed N]`
 *
 * Measures csat-report against DuckDB and Astro, side by side, in one run:
 * - the data stage (loadModel: ingest, every metric table, drivers, themes, actions) and
 *   DuckDB computing the same aggregates from the same files, each run in a fresh process;
 *   the aggregates must agree (n exactly, means, top-2 and NPS to 1e-9);
 * - the full site build for the sample and for 100k responses, and a bare Astro build with
 *   as many trivial pages; pages must ship no JavaScript, and a period page's size is shown.
 * Data sets are generated once into bench-data/ (git-ignored); results go to
 * .bench/results.json. Before the timed runs, the files are read once (page cache) and each
 * system runs once untimed (its aggregates are compared from that run); timed runs of the
 * systems alternate, so a busy machine slows all alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../lib/sample/index';
import { compareAggregates, type Aggregate, type Agreement } from './bench/aggregates';
import { ensureDataSet, oneFileDataSet, type DataSet } from './bench/data';
import { median, runChild, type Run } from './bench/measure';
import { formatTable, type ResultRow } from './bench/report';
import { buildBare, buildSite, checkPages, writeBareProject, type PageChecks } from './bench/site';

const ROOT = 'bench-data';
const TMP = path.join(ROOT, 'tmp');

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'skip-site': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (sizes.some((n) => !Number.isInteger(n) || n < 8)) throw new Error(`--sizes: "${values.sizes}" must list whole numbers ≥ 8, e.g. 100000,1000000`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" must be a whole number ≥ 1`);
  if (!Number.isInteger(seed)) throw new Error(`--seed: "${values.seed}" is not an integer`);
  fs.mkdirSync(TMP, { recursive: true });
  const log = (line: string) => console.log(line);
  const machine = { cpus: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), loadBefore: os.loadavg() };
  log(`machine: ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}, load ${machine.loadBefore.map((l) => l.toFixed(1)).join(' ')}`);

  const rows: ResultRow[] = [];
  const agreements: Record<string, Agreement> = {};
  for (const size of sizes) {
    const data = ensureDataSet(ROOT, size, seed, log);
    dataStage(data, `${size} responses`, runs, rows, agreements, log);
    // The largest size also as one export file: the threads then share it in pieces.
    if (size === Math.max(...sizes)) dataStage(oneFileDataSet(ROOT, data, log), `${size} responses in one file`, runs, rows, agreements, log);
  }

  let pages: PageChecks | undefined;
  if (!values['skip-site']) pages = siteBuilds(runs, seed, rows, log);

  const results = { date: new Date().toISOString(), machine: { ...machine, loadAfter: os.loadavg() }, runs, seed, rows, agreements, pages };
  fs.mkdirSync('.bench', { recursive: true });
  fs.writeFileSync('.bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log(formatTable(rows));
  if (pages) {
    const p = pages.largestPeriodPage;
    log(`pages: ${pages.pages}; with scripts: ${pages.pagesWithScripts.length}; .js files: ${pages.jsFiles.length}; largest period page ${p ? `${p.page} ${(p.bytes / 1024).toFixed(0)} KB (HTML + CSS)` : 'none'}`);
  }
  log('written to .bench/results.json');
  const disagree = Object.values(agreements).some((a) => a.problems.length > 0);
  if (disagree) process.exitCode = 1;
}

/** csat-report's data stage and DuckDB's two queries on one data set, runs alternating; their aggregates compared. */
function dataStage(data: DataSet, label: string, runs: number, rows: ResultRow[], agreements: Record<string, Agreement>, log: (line: string) => void): void {
  const config = path.resolve(data.config);
  const tag = path.basename(data.dir);
  const dump = (name: string, run: number) => (run < 0 ? path.join(TMP, `${name}-${tag}.json`) : '');
  const systems: { name: string; args: (run: number) => string[] }[] = [
    { name: 'csat-report', args: (r) => ['src/cli/launch.mjs', 'bench/stage-csat', config, dump('csat', r)] },
    { name: 'DuckDB (labels exact)', args: (r) => ['src/cli/launch.mjs', 'bench/stage-duckdb', config, 'exact', dump('duckdb-exact', r), ...data.files] },
    { name: 'DuckDB (labels trimmed, lower-cased)', args: (r) => ['src/cli/launch.mjs', 'bench/stage-duckdb', config, 'normalized', dump('duckdb-normalized', r), ...data.files] },
  ];
  const measured = new Map<string, Run[]>(systems.map((s) => [s.name, []]));
  for (const file of data.files) fs.readFileSync(file); // into the page cache
  for (const s of systems) runChild(s.args(-1)); // warm-up, untimed: writes the aggregates
  for (let r = 0; r < runs; r++) {
    for (const s of systems) {
      const run = runChild(s.args(r));
      measured.get(s.name)!.push(run);
      log(`${label}, ${s.name}, run ${r + 1}: ${(run.wallMs / 1000).toFixed(2)} s (stage ${((run.stageMs ?? NaN) / 1000).toFixed(2)} s)`);
    }
  }
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(TMP, `${name}-${tag}.json`), 'utf8')) as Aggregate[];
  for (const match of ['exact', 'normalized']) {
    const agreement = compareAggregates(read('csat'), read(`duckdb-${match}`));
    agreements[`${tag}/${match}`] = agreement;
    log(`${label}: csat-report and DuckDB (${match}) agree on ${agreement.compared} cells, ${agreement.estimates} estimates: ${agreement.problems.length ? `${agreement.problems.length} DIFFERENCES, e.g. ${agreement.problems.slice(0, 3).join('; ')}` : 'all equal'}`);
  }
  const stageMs = (name: string) => median(measured.get(name)!.map((m) => m.stageMs ?? m.wallMs));
  const [exact, normalized] = systems.slice(1).map((s) => stageMs(s.name));
  const runStage = (name: string, r: number) => measured.get(name)![r].stageMs ?? measured.get(name)![r].wallMs;
  for (const s of systems) {
    const pairedRatios = Array.from({ length: runs }, (_, r) => runStage(s.name, r) / runStage(systems[1].name, r)).sort((a, b) => a - b);
    rows.push({ ...resultRow(`data stage, ${label}`, s.name, measured.get(s.name)!, data.responses, exact), ratioNormalized: stageMs(s.name) / normalized, pairedRatios });
  }
  const paired = rows[rows.length - systems.length].pairedRatios!;
  log(`${label}: csat-report over DuckDB (exact labels), run by run: ${paired.map((x) => `${x.toFixed(2)}×`).join(', ')}; median ${median(paired).toFixed(2)}×`);
}

function resultRow(task: string, system: string, runs: Run[], rows: number | undefined, duckMs: number | undefined): ResultRow {
  const stage = median(runs.map((r) => r.stageMs ?? r.wallMs));
  return {
    task, system,
    wallS: median(runs.map((r) => r.wallMs)) / 1000,
    stageS: runs.every((r) => r.stageMs !== undefined) ? stage / 1000 : null,
    cpuS: runs.every((r) => r.cpuMs !== undefined) ? median(runs.map((r) => r.cpuMs!)) / 1000 : null,
    peakRssMiB: runs.every((r) => r.maxRssKB !== undefined) ? Math.max(...runs.map((r) => r.maxRssKB!)) / 1024 : null,
    rowsPerS: rows ? rows / (stage / 1000) : null,
    ratio: duckMs ? stage / duckMs : null,
    runsS: runs.map((r) => +(r.wallMs / 1000).toFixed(3)),
    ...(runs.every((r) => r.maxRssKB !== undefined) && { runsRssMiB: runs.map((r) => Math.round(r.maxRssKB! / 1024)) }),
  };
}

/** The sample's site, the 100k site and a bare Astro build of as many pages; runs alternate. */
function siteBuilds(runs: number, seed: number, rows: ResultRow[], log: (line: string) => void): PageChecks {
  const big = ensureDataSet(ROOT, 100_000, seed, log);
  const targets = [
    { name: 'csat-report site, sample (6k responses), model computed', run: () => buildSite('data/survey.yaml', path.join(ROOT, 'site-sample'), ['--no-cache']) },
    { name: 'csat-report site, sample, rebuild with the data unchanged (model reused)', run: () => buildSite('data/survey.yaml', path.join(ROOT, 'site-sample')) },
    { name: 'csat-report site, 100k responses, model computed', run: () => buildSite(big.config, path.join(ROOT, 'site-100000'), ['--no-cache']) },
  ];
  targets[1].run(); // warm-up (untimed; stores the sample's model), and the pages to check
  const pages = checkPages(path.join(ROOT, 'site-sample'));
  writeBareProject(path.join(ROOT, 'bare'), pages.pages);
  const bareTarget = { name: `bare Astro, ${pages.pages} trivial pages`, run: () => buildBare(path.join(ROOT, 'bare')) };
  const all = [...targets, bareTarget];
  bareTarget.run(); // warm-up
  const measured = new Map<string, Run[]>(all.map((t) => [t.name, []]));
  for (let r = 0; r < runs; r++) {
    for (const t of all) {
      const run = t.run();
      measured.get(t.name)!.push(run);
      log(`${t.name}, run ${r + 1}: ${(run.wallMs / 1000).toFixed(2)} s`);
    }
  }
  const bare = median(measured.get(bareTarget.name)!.map((m) => m.wallMs));
  for (const t of all) {
    const row = resultRow('site build', t.name, measured.get(t.name)!, undefined, undefined);
    rows.push({ ...row, stageS: null, rowsPerS: null, ratio: (row.wallS * 1000) / bare, ratioTo: 'bare Astro' });
  }
  return pages;
}

try {
  main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
