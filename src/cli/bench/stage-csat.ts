/**
 * One measured run of csat-report's data stage, in a fresh process (started by bench.ts):
 * what loadModel does after reading the survey definition (ingest, every metric table,
 * drivers, themes, actions). The definition is read before the clock starts, as in
 * stage-duckdb.ts. Prints one JSON line: stage time (after the modules are loaded), CPU time
 * and peak RSS; with a second argument, writes the aggregates there for the agreement check.
 * With BENCH_MODEL_HASH=1 the line also holds a hash of the whole model (config aside), made
 * after the clock stops, so bench-ab.ts can tell whether two revisions build the same model.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { loadConfig } from '../../lib/config/load';
import { buildModel, readSurveyInputs } from '../../lib/model/load-model';
import { modelAggregates } from './aggregates';

const [configPath, dumpPath] = process.argv.slice(2);
const config = loadConfig(configPath);
const cpu = process.cpuUsage();
const started = performance.now();
const { responses, inputs } = readSurveyInputs(config);
const model = buildModel(config, responses, inputs);
const stageMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
if (dumpPath) fs.writeFileSync(dumpPath, JSON.stringify(modelAggregates(model.metrics)));
const a = model.metrics.accounting;
const maxRssKB = process.resourceUsage().maxRSS;
const modelHash = process.env.BENCH_MODEL_HASH === '1' ? crypto.createHash('sha256').update(JSON.stringify({ ...model, config: undefined })).digest('hex').slice(0, 16) : undefined;
console.log(JSON.stringify({ stageMs, cpuMs: (user + system) / 1000, maxRssKB, rows: a.used, rejected: a.rejected, modelHash }));
