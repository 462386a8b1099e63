import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin as VitePlugin } from 'vite';
import { CsatError } from '../lib/errors';
import { buildModel, cacheModel, readSurveyInputs, type Model } from '../lib/model';
import { modelStore } from '../lib/model/model-cache';
import type { Accounting } from '../lib/ingest/types';
import { EXIT, loadConfigForCli, runIfMain, type CliArgs, type CliCommand, type CliIo } from './run';
import { Progress } from './progress';
import { checkReportFiles } from '../lib/reports/check-reports';

/**
 * `npm run build [-- --config path] [--date YYYY-MM-DD] [--base /sub/path/] [--quiet] [--no-cache]`:
 * checks the survey definition and the data, computes the model once, then builds the site
 * into dist/ with Astro, which reads that same model. Run compiled (src/cli/launch.mjs), it
 * reuses the model of an earlier build whose code and input files were byte for byte the
 * same (lib/model/model-cache.ts); --no-cache computes it afresh. A fatal data error stops the build
 * with one line and a non-zero exit code, after printing the accounting.
 */
export async function buildSite(args: CliArgs, io: CliIo): Promise<number> {
  const quiet = args.flags.quiet === true || io.env.CI === 'true';
  const progress = new Progress(io, quiet);
  const config = loadConfigForCli(args.config, io.env);
  // The pages read these through loadModel()/resolveConfigPath() in the same process.
  process.env.SURVEY_CONFIG = config.path;
  if (typeof args.flags.date === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(args.flags.date)) throw new CsatError(`--date "${args.flags.date}" is not a date`, {}, { exitCode: EXIT.usage, hint: 'expected YYYY-MM-DD' });
    process.env.REPORT_DATE = args.flags.date;
  }
  if (typeof args.flags.base === 'string') process.env.SITE_BASE = args.flags.base;
  // The reports' front matter first: a mistake there stops the build before any work.
  const reportCount = checkReportFiles(path.resolve(io.env.CONTENT_DIR || 'content/reports'));
  progress.stage('config', `${path.relative(process.cwd(), config.path)}: ${config.questions.length} questions, ${config.segments.length} segments; ${reportCount} reports`);

  const store = io.env.CSAT_COMPILED && args.flags['no-cache'] !== true
    ? modelStore(path.resolve('node_modules', '.cache', 'csat-report-models'), path.basename(io.env.CSAT_COMPILED), config, process.env.REPORT_DATE)
    : undefined;
  let model = store?.read();
  const reused = model !== undefined;
  if (model) {
    progress.stage('ingest', ingestSummary(model.metrics.accounting, model.loyalty?.accounting.used));
    progress.stage('model', `${modelSummary(model)}; reused, inputs unchanged`);
  } else {
    const { responses, inputs } = readSurveyInputs(config);
    const a = responses.accounting;
    progress.stage('ingest', ingestSummary(a, inputs.transactions?.accounting.used));
    if (a.used === 0) {
      progress.flush();
      throw new CsatError(`no usable rows: all ${a.rowsRead} rows were rejected`, {}, { exitCode: EXIT.data, hint: 'run npm run validate to see why' });
    }
    model = buildModel(config, responses, inputs);
    store?.write(model);
    progress.stage('model', modelSummary(model));
  }
  cacheModel(config.path, model);
  const a = model.metrics.accounting;

  // As the astro CLI does: a production build (drafts excluded, import.meta.env.DEV false).
  process.env.NODE_ENV = 'production';
  const { build } = await import('astro');
  const root = process.cwd();
  const plugins = io.env.CSAT_COMPILED ? [compiledLibrary(root, io.env.CSAT_COMPILED)] : [];
  await build({ root, logLevel: quiet ? 'error' : 'warn', vite: { plugins } });
  const outDir = path.resolve(root, io.env.SITE_OUT_DIR ?? 'dist');
  const pages = countFiles(outDir, '.html');
  progress.stage('pages', `${pages} pages in ${path.relative(root, outDir) || '.'}/`);
  progress.summary(`${a.used} of ${a.rowsRead} rows used, ${model.metrics.periods.length} periods (${model.metrics.periods[0]}–${model.metrics.latest}), ${pages} pages${reused ? ', model reused' : ''}`);
  return EXIT.ok;
}

/**
 * When this command runs compiled (src/cli/launch.mjs), the pages' imports of src/lib resolve
 * to the same compiled modules, kept external: Rollup does not bundle the library again
 * (a second off every build) and the pages read the model computed above from the very
 * module that holds it.
 */
function compiledLibrary(root: string, compiled: string): VitePlugin {
  const lib = path.join(root, 'src', 'lib') + path.sep;
  return {
    name: 'csat-compiled-library',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('lib')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !resolved.id.startsWith(lib) || !resolved.id.endsWith('.ts')) return null;
      const file = path.join(compiled, 'lib', resolved.id.slice(lib.length).replace(/\.ts$/, '.mjs'));
      return { id: pathToFileURL(file).href, external: true };
    },
  };
}

function ingestSummary(a: Accounting, purchases: number | undefined): string {
  const reasons = Object.entries(a.byReason).map(([r, n]) => `${r} ${n}`).join(', ');
  return `${a.files.length} files, ${a.rowsRead} rows read, ${a.used} used, ${a.rejected} rejected${reasons ? ` (${reasons})` : ''}${purchases === undefined ? '' : `; ${purchases} purchases`}`;
}

function modelSummary(model: Model): string {
  return `${model.metrics.periods.length} periods, ${model.metrics.scores.length} score cells, ${model.metrics.changes.length} changes tested, ${model.actions.length} actions`;
}

function countFiles(dir: string, ext: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)).length;
}

export const cli: CliCommand = { run: buildSite, options: ['date', 'base'], switches: ['quiet', 'no-cache'] };
runIfMain(import.meta.url, cli);
