import type { SurveyConfig } from '../config/types';
import { loadConfig, resolveConfigPath } from '../config/load';
import { ingestResponses } from '../ingest/ingest';
import type { Responses } from '../ingest/types';
import { atomsFromResponses, metricsFromAtoms, type SurveyMetrics } from './build';

/** The whole model of one survey: what every page, table and download reads. */
export interface Model {
  config: SurveyConfig;
  metrics: SurveyMetrics;
}

/** Builds the model from an already-ingested survey (pure: no file system). */
export function buildModel(config: SurveyConfig, responses: Responses): Model {
  const atoms = atomsFromResponses(responses, config);
  const metrics = metricsFromAtoms(atoms, config, responses.accounting, responses.rejected, Boolean(config.weighting));
  return { config, metrics };
}

const cache = new Map<string, Model>();

/** Reads, ingests and models a survey once per process; every page shares the result. */
export function loadModel(configPath: string = resolveConfigPath()): Model {
  let model = cache.get(configPath);
  if (!model) {
    const config = loadConfig(configPath);
    model = buildModel(config, ingestResponses(config));
    cache.set(configPath, model);
  }
  return model;
}
