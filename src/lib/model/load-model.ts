import type { SurveyConfig } from '../config/types';
import { displayPath, loadConfig, resolveConfigPath } from '../config/load';
import { ingestResponses } from '../ingest/ingest';
import type { PendingRows } from '../ingest/finish';
import type { Responses } from '../ingest/types';
import { readActionsFile, type ActionsFile } from '../ingest/actions';
import { analyseActions, parseActions, resolveReportDate, type ActionResult, type UncoveredRow } from '../analysis/actions';
import { driverScope } from './driver-scope';
import { atomsFromResponses, metricsFromAtoms, surveyLayout, type SurveyMetrics } from './build';
import { readStatistics, statisticsResponses, type SurveyStatistics } from '../ingest/statistics';
import { surveyThemes, themesFromComments, themesInput, type SurveyThemes } from './themes';
import { Helper } from '../parallel/helper';
import { ingestTransactions, type Transactions } from '../ingest/transactions';
import { buildLoyalty, type LoyaltyModel } from '../analysis/loyalty';

/** The whole model of one survey: what every page, table and download reads. */
export interface Model {
  config: SurveyConfig;
  metrics: SurveyMetrics;
  /** Improvement actions with their before/after results ([] without an actions file). */
  actions: ActionResult[];
  /** "Concentrate here" pain points no open action targets ([] without an actions file). */
  uncovered: UncoveredRow[];
  /** YYYY-MM-DD the overdue marks are judged on (null for a survey without dates). */
  reportDate: string | null;
  /** Comment themes, dissatisfied against satisfied, per period and 'total' (quotes masked). */
  themes: SurveyThemes;
  /** Repeat purchases, cohorts, satisfaction → loyalty and CLV (absent without a transactions file). */
  loyalty?: LoyaltyModel;
}

/** What besides the responses a model may be built from (read by loadModel; tests pass them directly). */
export interface ModelInputs {
  actions?: ActionsFile;
  /** Overrides the report date (REPORT_DATE); default: the end of the latest period. */
  reportDate?: string;
  transactions?: Transactions;
  /** The themes when another thread finds them (readSurveyInputs): called after the metrics, so both run at once. */
  themes?: () => SurveyThemes;
  /** Sufficient statistics read from a statistics file (responses.statistics) instead of reduced from rows. */
  statistics?: SurveyStatistics;
}

/** Builds the model from an already-ingested survey (pure: no file system). */
export function buildModel(config: SurveyConfig, responses: Responses, inputs: ModelInputs = {}): Model {
  const atoms = inputs.statistics?.atoms ?? atomsFromResponses(responses, config);
  const weighted = inputs.statistics ? inputs.statistics.weighted : Boolean(config.weighting);
  const metrics = metricsFromAtoms(atoms, config, responses.accounting, responses.rejected, weighted);
  const reportDate = resolveReportDate({ override: inputs.reportDate, latestPeriod: metrics.periods.length ? metrics.latest : undefined });
  const themes = inputs.themes ? inputs.themes() : surveyThemes(responses.table, metrics.periods, config);
  const loyalty = inputs.transactions && buildLoyalty(config, responses, inputs.transactions);
  if (!inputs.actions) return { config, metrics, themes, loyalty, actions: [], uncovered: [], reportDate };
  const segmentValues = Object.fromEntries(metrics.segments.map((s) => [s.id, s.values]));
  const actions = parseActions(inputs.actions, config, segmentValues);
  const { scope, rows } = driverScope(metrics, metrics.latest);
  const analysis = analyseActions({ actions, atoms, metrics, config, reportDate, drivers: { rows, scope } });
  return { config, metrics, themes, loyalty, ...analysis, reportDate };
}

// Kept on globalThis so the build command's model is the one Astro's bundled pages read
// (they run in the same process, but as a separately bundled copy of this module).
const cache: Map<string, Model> = ((globalThis as { __csatModels?: Map<string, Model> }).__csatModels ??= new Map());

/** Reads every input file of a survey (responses, actions, transactions): the file-system half of loadModel. */
export function readSurveyInputs(config: SurveyConfig): { responses: Responses; inputs: ModelInputs } {
  const file = config.responses.statistics;
  if (file) {
    // Statistics mode: the cells' sums from a warehouse; no rows, so no comments or customers.
    const statistics = readStatistics(file, displayPath(file), config, surveyLayout(config));
    const actions = config.actions ? readActionsFile(config.actions.file) : undefined;
    return { responses: statisticsResponses(config, statistics), inputs: { actions, reportDate: process.env.REPORT_DATE, statistics } };
  }
  // A second thread (started when there is enough data) reads part of the responses files,
  // then finds the comment themes (from the rows' codes, before the table is made) while
  // this one makes the table and computes the metrics.
  let helper: Helper | undefined;
  const start = () => (helper ??= Helper.start());
  let themes: ModelInputs['themes'];
  // Called again when replaying the helper's rows dropped some (ingest.ts): the later job is
  // the one taken, and the earlier one's result is skipped.
  const onRows = (rows: PendingRows) => {
    const themesHelper = config.comments.length > 0 && rows.rows >= PARALLEL_ROWS ? start() : undefined;
    if (themesHelper) themes = pendingThemes(themesHelper, rows, config);
  };
  try {
    const responses = ingestResponses(config, { helper: start, onRows });
    const actions = config.actions ? readActionsFile(config.actions.file) : undefined;
    const transactions = ingestTransactions(config);
    return { responses, inputs: { actions, transactions, reportDate: process.env.REPORT_DATE, themes } };
  } finally {
    if (!themes) helper?.close();
  }
}

/** Below this many responses the themes are found on this thread. */
const PARALLEL_ROWS = 20_000;

function pendingThemes(helper: Helper, rows: PendingRows, config: SurveyConfig): () => SurveyThemes {
  const input = themesInput(rows, rows.periods, config, undefined, rows.codes);
  const job = helper.post('themes', input);
  return () => {
    try {
      return helper.take<SurveyThemes>(job, true) ?? themesFromComments(input);
    } finally {
      helper.close();
    }
  };
}

/** Makes `model` the one loadModel(configPath) returns in this process (the build command computes it first). */
export function cacheModel(configPath: string, model: Model): void {
  cache.set(configPath, model);
}

/** Reads, ingests and models a survey once per process; every page shares the result. */
export function loadModel(configPath: string = resolveConfigPath()): Model {
  let model = cache.get(configPath);
  if (!model) {
    const config = loadConfig(configPath);
    const { responses, inputs } = readSurveyInputs(config);
    model = buildModel(config, responses, inputs);
    cache.set(configPath, model);
  }
  return model;
}
