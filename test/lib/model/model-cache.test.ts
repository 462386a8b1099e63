import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config';
import { loadModel } from '../../../src/lib/model';
import { modelInputFiles, modelStore } from '../../../src/lib/model/model-cache';
import { removeTemp, tempDir } from '../ingest/_helpers';

/**
 * The model kept between builds: read back it must equal the computed one exactly, and any
 * changed byte of the code version, an input file or the report date must give another key.
 */
describe('model cache', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTemp));
  const cacheDir = () => {
    const d = tempDir('csat-models-');
    dirs.push(d);
    return d;
  };
  /** A copy of the sample survey (definition and every input file) to change bytes in. */
  const copyOfSample = () => {
    const dir = tempDir('csat-survey-');
    dirs.push(dir);
    fs.cpSync(path.resolve('data'), dir, { recursive: true });
    return loadConfig(path.join(dir, 'survey.yaml'));
  };

  it('gives back exactly the model it stored, with the survey definition attached', () => {
    const config = loadConfig(path.resolve('data/survey.yaml'));
    const model = loadModel(config.path);
    const store = modelStore(cacheDir(), 'v1', config, undefined);
    expect(store.read()).toBeUndefined();
    expect(store.write(model)).toBe(true);
    const back = store.read()!;
    expect(back.config).toBe(config);
    // JSON drops properties whose value is undefined; everything else must be equal.
    expect(back).toEqual({ ...JSON.parse(JSON.stringify(model)), config });
    expect(back.metrics.scores).toEqual(model.metrics.scores);
    expect(back.themes).toEqual(model.themes);
  });

  it('reads every input file of the survey', () => {
    const config = loadConfig(path.resolve('data/survey.yaml'));
    const files = modelInputFiles(config).map((f) => path.relative(path.resolve('data'), f));
    expect(files).toEqual(['survey.yaml', ...fs.readdirSync('data/responses').sort().map((f) => `responses/${f}`), 'actions.csv', 'transactions.csv']);
  });

  it('keys on the content and the place: a changed byte, code version, report date or survey folder gives another key', () => {
    const dir = cacheDir();
    const sample = loadConfig(path.resolve('data/survey.yaml'));
    const config = copyOfSample();
    const key = modelStore(dir, 'v1', config, undefined).key;
    // The same survey however its path is written; a copy elsewhere (or the folder renamed) is
    // another key, since the model names its files from the working folder (data/responses/…).
    expect(modelStore(dir, 'v1', loadConfig('data/survey.yaml'), undefined).key).toBe(modelStore(dir, 'v1', sample, undefined).key);
    expect(modelStore(dir, 'v1', sample, undefined).key).not.toBe(key);
    expect(loadModel(sample.path).metrics.accounting.files[0].file).toBe('data/responses/2025-Q1.csv');
    expect(modelStore(dir, 'v2', config, undefined).key).not.toBe(key);
    expect(modelStore(dir, 'v1', config, '2026-12-31').key).not.toBe(key);
    for (const file of modelInputFiles(config)) {
      const bytes = fs.readFileSync(file);
      const changed = Buffer.from(bytes);
      changed[changed.length - 2] ^= 1;
      fs.writeFileSync(file, changed);
      expect(modelStore(dir, 'v1', loadConfig(config.path), undefined).key, file).not.toBe(key);
      fs.writeFileSync(file, bytes);
    }
    expect(modelStore(dir, 'v1', loadConfig(config.path), undefined).key).toBe(key);
  });

  it('does not store a number JSON cannot give back (NaN, Infinity, -0), and keeps the 4 newest models', () => {
    const dir = cacheDir();
    const config = loadConfig(path.resolve('data/survey.yaml'));
    const model = loadModel(config.path);
    const odd = (v: number) => ({ ...model, metrics: { ...model.metrics, index: [{ ...model.metrics.index[0], value: v }, ...model.metrics.index.slice(1)] } });
    for (const v of [NaN, Infinity, -0]) expect(modelStore(dir, 'odd', config, undefined).write(odd(v))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    for (let v = 0; v < 6; v++) modelStore(dir, `v${v}`, config, undefined).write(model);
    expect(fs.readdirSync(dir).length).toBe(4);
    expect(modelStore(dir, 'v5', config, undefined).read()).toBeDefined();
  });
});
