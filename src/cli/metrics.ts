import path from 'node:path';
import { CsatError } from '../lib/errors';
import { loadModel } from '../lib/model';
import { writeMetricTables } from '../lib/tables/write-tables';
import { perCustomerClvTable } from '../lib/tables/loyalty-tables';
import { EXIT, loadConfigForCli, runIfMain, type CliArgs, type CliCommand, type CliIo } from './run';

/**
 * `npm run metrics -- [--config path] --out DIR`: computes the model once and writes every
 * metric table as CSV and JSON, the rejected rows and quality.json. This folder is the
 * analyst's: unlike the site, it may hold values of rejected rows.
 */
export async function metrics(args: CliArgs, io: CliIo): Promise<number> {
  const out = args.flags.out;
  if (typeof out !== 'string') throw new CsatError('--out DIR is required', {}, { exitCode: EXIT.usage, hint: 'e.g. npm run metrics -- --out out/' });
  const config = loadConfigForCli(args.config, io.env);
  const model = loadModel(config.path);
  // Per-customer CLV carries customer ids: written here for the analyst, never to dist/.
  const perCustomer = perCustomerClvTable(model);
  const files = writeMetricTables(model, path.resolve(out), perCustomer ? [perCustomer] : []);
  const a = model.metrics.accounting;
  io.out(`rows read ${a.rowsRead}, used ${a.used}, rejected ${a.rejected}; periods ${model.metrics.periods.join(', ')}`);
  io.out(`wrote ${files.length} files to ${path.relative(process.cwd(), path.resolve(out)) || '.'}`);
  return EXIT.ok;
}

export const cli: CliCommand = { run: metrics, options: ['out'] };
runIfMain(import.meta.url, cli);
