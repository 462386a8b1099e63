import fs from 'node:fs';
import path from 'node:path';
import type { Model } from '../model/load-model';
import { metricTables, type OutputTable } from './metric-tables';
import { toCsv } from './csv';
import { clvModelJson } from './loyalty-tables';
import { surveyPath } from '../util/survey-path';
import { publishedFiles } from '../views/quality';

/**
 * Writes the `metrics` command's output: every metric table as CSV and JSON, the rejected
 * rows (with their values: this folder is the analyst's, not the published site) and
 * quality.json with the row accounting. Returns the files written.
 */
export function writeMetricTables(model: Model, outDir: string, extra: OutputTable[] = []): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const rejected: OutputTable = {
    name: 'rejected',
    columns: ['file', 'line', 'column', 'value', 'reason', 'expected'],
    rows: model.metrics.rejected.map((r) => ({ file: surveyPath(model.config.dir, r.file), line: r.line, column: r.column, value: r.value, reason: r.reason, expected: r.expected })),
  };
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, text);
    written.push(file);
  };
  for (const t of [...metricTables(model), ...extra, rejected]) {
    write(`${t.name}.csv`, toCsv(t.columns, t.rows));
    write(`${t.name}.json`, `${JSON.stringify(t.rows, null, 1)}\n`);
  }
  const clv = clvModelJson(model);
  if (clv) write('clv_model.json', `${JSON.stringify(clv, null, 1)}\n`);
  const a = model.metrics.accounting;
  write('quality.json', `${JSON.stringify({ ...a, files: publishedFiles(a.files, model.config) }, null, 1)}\n`);
  return written;
}
