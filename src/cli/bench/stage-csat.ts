/**
 * One measured run of csat-report's data stage, in a fresh process (started by bench.ts):
 * loadModel (ingest, every metric table, drivers, themes, actions) of the survey given.
 * Prints one JSON line: stage time (after the modules are loaded), CPU time and peak RSS;
 * with a second argument, writes the aggregates there for the agreement check.
 */
import fs from 'node:fs';
import { loadModel } from '../../lib/model/load-model';
import { modelAggregates } from './aggregates';

const [configPath, dumpPath] = process.argv.slice(2);
const cpu = process.cpuUsage();
const started = performance.now();
const model = loadModel(configPath);
const stageMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
if (dumpPath) fs.writeFileSync(dumpPath, JSON.stringify(modelAggregates(model.metrics)));
const a = model.metrics.accounting;
console.log(JSON.stringify({ stageMs, cpuMs: (user + system) / 1000, maxRssKB: process.resourceUsage().maxRSS, rows: a.used, rejected: a.rejected }));
