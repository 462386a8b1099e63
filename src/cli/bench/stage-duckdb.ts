/**
 * One measured run of DuckDB (@duckdb/node-api, default threads = cores) computing the same
 * aggregates from the same files, in a fresh process (started by bench.ts), labels matched
 * `exact` or `normalized` (aggregates.ts). The survey
 * definition is read before the clock starts (it only writes the SQL). Prints one JSON
 * line like stage-csat.ts; with a second argument, writes the aggregates there.
 */
import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig } from '../../lib/config/load';
import { duckdbAggregates, duckdbSql, writtenLabels, type LabelMatch } from './aggregates';

const [configPath, match, dumpPath, ...files] = process.argv.slice(2);
const config = loadConfig(configPath);
const sql = duckdbSql(config, files, match as LabelMatch, writtenLabels(fs.readFileSync(configPath, 'utf8')));
const cpu = process.cpuUsage();
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const result = await connection.runAndReadAll(sql);
const rows = result.getRowObjects();
const stageMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
if (dumpPath) fs.writeFileSync(dumpPath, JSON.stringify(duckdbAggregates(config, rows as Record<string, unknown>[])));
const periods = rows.filter((r) => Number(r.all_periods) === 0 && config.segments.every((s) => Number(r[`g_${s.id}`]) === 1));
const n = rows.find((r) => Number(r.all_periods) === 1 && config.segments.every((s) => Number(r[`g_${s.id}`]) === 1));
console.log(JSON.stringify({ stageMs, cpuMs: (user + system) / 1000, maxRssKB: process.resourceUsage().maxRSS, groups: rows.length, periods: periods.length, total: n ? Object.keys(n).length : 0 }));
connection.closeSync();
