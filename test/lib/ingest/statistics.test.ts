import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseConfig } from '../../../src/lib/config';
import type { SurveyConfig } from '../../../src/lib/config/types';
import { CsatError } from '../../../src/lib/errors';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import { parseStatistics, statisticsCsv, STAT_COLUMNS } from '../../../src/lib/ingest/statistics';
import { statisticsSql } from '../../../src/lib/ingest/statistics-sql';
import { atomsFromResponses, surveyLayout } from '../../../src/lib/model/build';
import { buildModel, readSurveyInputs, type Model } from '../../../src/lib/model';
import { columnValues } from '../../../src/lib/model/columns';
import { metricTables } from '../../../src/lib/tables/metric-tables';

// The sample survey without its transactions (the statistics mode has no rows to join),
// once read from the exports and once from statistics files made two ways.
const SAMPLE = path.resolve('data/survey.yaml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'csat-statistics-'));

function sampleYaml(responses?: Record<string, string>): string {
  const doc = parseDocument(fs.readFileSync(SAMPLE, 'utf8'));
  doc.delete('transactions');
  if (responses) doc.set('responses', responses);
  return doc.toString();
}

const rawConfig = parseConfig(sampleYaml(), SAMPLE);
const statsConfig = (file: string): SurveyConfig => parseConfig(sampleYaml({ statistics: file }), SAMPLE);

function model(config: SurveyConfig): Model {
  const { responses, inputs } = readSurveyInputs(config);
  return buildModel(config, responses, { ...inputs, reportDate: '2027-01-15' });
}

/** Every metric table except the themes (there are no comments in statistics mode). */
const tablesOf = (m: Model) => metricTables(m).filter((t) => t.name !== 'themes');

const raw = model(rawConfig);

/** The ingested rows as the typed relation the documented SQL reads (period, segments, numeric answers, NULL = missing). */
function typedCsv(config: SurveyConfig): string {
  const r = ingestResponses(config);
  const columns = ['period', ...config.segments.map((s) => s.id), ...config.questions.map((q) => q.id)];
  const values = columns.map((c) => columnValues<string | number>(r.table, c));
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : `"${v.replaceAll('"', '""')}"`);
  const lines = Array.from({ length: r.table.numRows() }, (_, i) => values.map((col) => cell(col[i])).join(','));
  return `${columns.join(',')}\n${lines.join('\n')}\n`;
}

describe('statistics input mode', () => {
  it('gives the same tables as the exports, from a file written by the documented DuckDB GROUP BY', async () => {
    const rows = path.join(tmp, 'typed.csv');
    fs.writeFileSync(rows, typedCsv(rawConfig));
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const types = Object.fromEntries([['period', 'VARCHAR'], ...rawConfig.segments.map((s) => [s.id, 'VARCHAR']), ...rawConfig.questions.map((q) => [q.id, 'INTEGER'])]);
    await db.run(`CREATE VIEW responses AS SELECT * FROM read_csv('${rows}', header = true, columns = ${JSON.stringify(types).replaceAll('"', "'")})`);
    const file = path.join(tmp, 'statistics-duckdb.csv');
    await db.run(`COPY (${statisticsSql(rawConfig)}) TO '${file}' (HEADER, DELIMITER ',')`);
    db.closeSync();
    const fromSql = model(statsConfig(file));
    expect(tablesOf(fromSql)).toEqual(tablesOf(raw));
    expect(fromSql.metrics.scores).toEqual(raw.metrics.scores);
    expect(fromSql.metrics.drivers).toEqual(raw.metrics.drivers);
    expect(fromSql.actions).toEqual(raw.actions);
    expect(fromSql.metrics.accounting.used).toBe(raw.metrics.accounting.used);
    expect(fromSql.metrics.weighted).toBe(false);
  });

  it('gives the same tables from a file written from the atoms (statisticsCsv round trip)', () => {
    const file = path.join(tmp, 'statistics-atoms.csv');
    fs.writeFileSync(file, statisticsCsv(atomsFromResponses(ingestResponses(rawConfig), rawConfig)));
    const fromAtoms = model(statsConfig(file));
    expect(tablesOf(fromAtoms)).toEqual(tablesOf(raw));
    expect(fromAtoms.metrics.changes).toEqual(raw.metrics.changes);
    expect(fromAtoms.metrics.gaps).toEqual(raw.metrics.gaps);
  });

  it('has no themes and no loyalty, and says why it cannot weight or join', () => {
    const m = model(statsConfig(path.join(tmp, 'statistics-atoms.csv')));
    expect(m.themes.rows).toEqual([]);
    expect(m.loyalty).toBeUndefined();
    const withWeighting = sampleYaml({ statistics: 'x.csv' }).replace('thresholds:', 'weighting: { method: poststratify, margins: { plan: { 免费版: 0.5, 专业版: 0.3, 企业版: 0.2 } } }\nthresholds:');
    expect(() => parseConfig(withWeighting, SAMPLE)).toThrow(/weighting needs the response rows/);
    expect(() => parseConfig(fs.readFileSync(SAMPLE, 'utf8').replace('  files: responses/*.csv', '  statistics: s.csv'), SAMPLE)).toThrow(/no response rows to join/);
    expect(() => parseConfig(fs.readFileSync(SAMPLE, 'utf8').replace('  files: responses/*.csv', '  files: responses/*.csv\n  statistics: s.csv'), SAMPLE)).toThrow(/either files or statistics/);
    expect(() => parseConfig(fs.readFileSync(SAMPLE, 'utf8').replace('  files: responses/*.csv\n', ''), SAMPLE)).toThrow(/responses needs files \(the survey exports\) or statistics/);
  });

  describe('rejects a bad statistics file with its line and column', () => {
    const layout = surveyLayout(rawConfig);
    const header = `kind,period,plan,region,channel,question,level,question2,${STAT_COLUMNS.join(',')}`;
    const parse = (...lines: string[]) => parseStatistics(Buffer.from([header, ...lines].join('\n')), 's.csv', rawConfig, layout);
    const failure = (...lines: string[]) => {
      try {
        parse(...lines);
      } catch (e) {
        if (e instanceof CsatError) return e.format();
        throw e;
      }
      throw new Error('no error');
    };
    it.each([
      [['rows,2026-Q1,免费版,华东,官网,,,,3,3,3'], null],
      [['bad,2026-Q1,免费版,华东,官网,,,,3,3,3'], 's.csv:2 column "kind": unknown kind "bad" (rows, level or pair)'],
      [['level,2026-Q1,免费版,华东,官网,q_nope,4,,3,3,3'], 's.csv:2 column "question": unknown question "q_nope"'],
      [['level,2026-Q1,免费版,华东,官网,q_features,6,,3,3,3'], 's.csv:2 column "level": level "6" is not on the scale of q_features (1–5)'],
      [['level,2026-Q1,免费版,华东,官网,q_features,4,,2.5,3,3'], 's.csv:2 column "n": n is 2.5; expected a whole number ≥ 0'],
      [['pair,2026-Q1,免费版,华东,官网,q_features,,q_nps,3,3,,1,1,1,1,1'], 's.csv:2 column "question2": no cross-products are kept for q_features × q_nps'],
      [['rows,,免费版,华东,官网,,,,3,3,3'], 's.csv:2 column "period": period is empty'],
    ])('%j', (lines, expected) => {
      if (expected === null) expect(parse(...lines).atoms.stats[0].rows).toBe(3);
      else expect(failure(...lines)).toContain(expected);
    });
    it('names a missing column', () => {
      expect(() => parseStatistics(Buffer.from('kind,period,plan,region,channel,level,question2\n'), 's.csv', rawConfig, layout)).toThrow(/no column "question"/);
    });
  });

  it('adds a pair given in either order, swapping its sums', () => {
    const layout = surveyLayout(rawConfig);
    const header = `kind,period,plan,region,channel,question,level,question2,${STAT_COLUMNS.join(',')}`;
    // One response with q_features = 2 and q_stability = 5: Σw·x = 2, Σw·y = 5, Σw·xy = 10, Σw·x² = 4, Σw·y² = 25.
    const a = parseStatistics(Buffer.from(`${header}\npair,all,x,y,z,q_features,,q_stability,1,1,,2,5,10,4,25\n`), 's', rawConfig, layout);
    const b = parseStatistics(Buffer.from(`${header}\npair,all,x,y,z,q_stability,,q_features,1,1,,5,2,10,25,4\n`), 's', rawConfig, layout);
    expect(Array.from(a.atoms.stats[0].pairs)).toEqual(Array.from(b.atoms.stats[0].pairs));
  });
});
