import * as aq from 'arquero';
import { parseConfig } from '../../../../src/lib/config';
import { parseCsv } from '../../../../src/lib/ingest/csv';
import type { ActionsFile } from '../../../../src/lib/ingest/actions';
import type { Responses } from '../../../../src/lib/ingest/types';

/** A small survey: two 5-point items, an overall item, NPS, a plan segment, quarters. */
export const config = parseConfig(
  `
title: Test
locale: en
responses: { files: x.csv, date: d }
period: quarter
segments: [{ id: plan, column: 套餐, label: { zh-CN: 套餐, en: Plan }, order: [x, y] }]
scales: { s5: { points: 5 }, n11: { points: 11 } }
questions:
  - { id: a, column: a, label: { zh-CN: 响应速度, en: Response time }, scale: s5 }
  - { id: b, column: b, label: { zh-CN: 价格, en: Pricing }, scale: s5 }
  - { id: o, column: o, scale: s5, role: overall }
  - { id: n, column: n, scale: n11, role: nps }
thresholds: { suppress: 3, directional: 5, alpha: 0.05 }
actions: { file: actions.csv }
`,
  '/tmp/survey.yaml',
);

export interface Row {
  period: string;
  plan: string;
  a: number;
  b?: number;
  o?: number;
  n?: number;
}

export function responses(rows: Row[]): Responses {
  const col = (k: 'a' | 'b' | 'o' | 'n') => Float64Array.from(rows.map((r) => r[k] ?? NaN));
  const table = aq.table({ period: rows.map((r) => r.period), plan: rows.map((r) => r.plan), a: col('a'), b: col('b'), o: col('o'), n: col('n') });
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return { table, periods, accounting: { files: [], rowsRead: rows.length, used: rows.length, rejected: 0, byReason: {}, missingRate: {} }, rejected: [] };
}

export const HEADER = 'id,title,question,segment,owner,status,start,due,done,target,notes';

/** An actions file from CSV text (the header line included). */
export function actionsFile(csv: string, file = 'data/actions.csv'): ActionsFile {
  return { file, records: parseCsv(Buffer.from(csv, 'utf8'), ',', file) };
}

/** Segment values the data has, for the validator. */
export const SEGMENT_VALUES = { plan: ['x', 'y'] };
