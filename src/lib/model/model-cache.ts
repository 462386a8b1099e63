/**
 * The model kept on disk between builds, keyed by the content of everything it is computed
 * from: the code (the compiled tree's own hash), the survey definition, every input file and
 * the report date. A rebuild after an edit to the narrative or the pages, with the data
 * unchanged, reads it back (~30 ms) instead of computing it (~0.7 s on the sample); any
 * changed byte of code or data is a different key, so a stale model is never read.
 *
 * The survey definition is not stored: it holds Maps and Sets, and loading it again is
 * cheap, so the caller attaches the one it loaded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SurveyConfig } from '../config/types';
import { matchFiles } from '../ingest/ingest';
import type { Model } from './load-model';

/** How many models to keep (the newest by use); older ones are removed. */
const KEEP = 4;

/** Every file the model is read from, in a fixed order. */
export function modelInputFiles(config: SurveyConfig): string[] {
  const responses = config.responses.statistics ? [config.responses.statistics] : matchFiles(config);
  const others = [config.actions?.file, config.transactions?.file, config.transactions?.summary].filter((f): f is string => Boolean(f));
  return [config.path, ...responses, ...others];
}

/**
 * The key of a model: a hash over the code version, the input files (path and bytes), the
 * report date, and where the survey's folder is seen from the working folder: the model names
 * files as the command line does, relative to the working folder, so a survey folder renamed
 * or copied elsewhere must not read a model whose files point at the old place.
 */
export function modelCacheKey(codeVersion: string, config: SurveyConfig, reportDate: string | undefined): string {
  const seenFrom = path.relative(process.cwd(), config.dir);
  const hash = crypto.createHash('sha256').update(`csat-model\0${codeVersion}\0${reportDate ?? ''}\0${seenFrom}`);
  for (const file of modelInputFiles(config)) hash.update(`\0${path.relative(config.dir, file)}\0`).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 32);
}

export interface ModelStore {
  key: string;
  /** The stored model for this key, with `config` attached; undefined when there is none. */
  read(): Model | undefined;
  /** Stores the model (unless it holds a number JSON cannot give back exactly: NaN, ±Infinity, −0). */
  write(model: Model): boolean;
}

/** The models stored in `dir` (a cache folder), for this code version, survey and report date. */
export function modelStore(dir: string, codeVersion: string, config: SurveyConfig, reportDate: string | undefined): ModelStore {
  const key = modelCacheKey(codeVersion, config, reportDate);
  const file = path.join(dir, `${key}.json`);
  return {
    key,
    read() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      const now = new Date();
      fs.utimesSync(file, now, now); // used: among the newest to keep
      return { ...(JSON.parse(text) as Omit<Model, 'config'>), config };
    },
    write(model) {
      const { config: _config, ...stored } = model;
      let exact = true;
      const text = JSON.stringify(stored, (_k, v: unknown) => {
        if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) exact = false;
        return v;
      });
      if (!exact) return false;
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, file);
      const kept = fs.readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
        .sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1));
      for (const { f } of kept.slice(KEEP)) fs.rmSync(path.join(dir, f), { force: true });
      return true;
    },
  };
}
