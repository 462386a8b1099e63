import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { parseConfig } from '../../../src/lib/config';
import { buildModel, loadModel } from '../../../src/lib/model';
import { foldSameComments, themesOf } from '../../../src/lib/model/themes';
import type { Theme } from '../../../src/lib/analysis/themes/themes';
import { commentGrouping, groupOf } from '../../../src/lib/model/comment-groups';
import { findPii } from '../../../src/lib/analysis/themes/mask-pii';
import type { Responses } from '../../../src/lib/ingest/types';

const yaml = (extra = '') => `
title: Test
locale: zh-CN
responses: { files: x.csv, date: d }
scales: { s5: { points: 5 }, n11: { points: 11 }, yn: { points: 2, min: 0, labels: { yes: 1, no: 0 } } }
questions:
  - { id: a, column: a, scale: s5 }
  - { id: o, column: o, scale: s5, role: overall }
  - { id: n, column: n, scale: n11, role: nps }
  - { id: r, column: r, scale: yn, role: outcome, positive: "yes" }
comments:
  - { id: c, column: c }
${extra}`;

interface Row { period: string; o: number; n: number; r: number; c: string | null }

function responses(rows: Row[]): Responses {
  const col = (f: (r: Row) => number) => Float64Array.from(rows.map(f));
  const table = aq.table({
    period: rows.map((r) => r.period), a: col((r) => r.o), o: col((r) => r.o), n: col((r) => r.n), r: col((r) => r.r), c: rows.map((r) => r.c),
  });
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return { table, periods, accounting: { files: [], rowsRead: rows.length, used: rows.length, rejected: 0, byReason: {}, missingRate: {} }, rejected: [] };
}

// Dissatisfied respondents (overall 1–2) write about 物流 in 6 of 8 comments; satisfied ones (4–5) in 1 of 8.
const EMAIL = 'li.lei@example.com';
const PHONE = '13812345678';
const UNQUOTED = '这条评论只属于中间组，绝不应出现在模型里';
const rows: Row[] = [
  ...['物流太慢了', '物流真的慢', `物流慢，请联系 ${EMAIL}`, `物流很差，电话 ${PHONE}`, '物流又延误', '物流慢得离谱', '包装破损', '价格偏贵']
    .map((c, i) => ({ period: i % 2 ? '2026-Q1' : '2026-Q2', o: 1 + (i % 2), n: 3, r: 0, c })),
  ...['客服热情', '客服专业', '界面好看', '客服耐心', '物流还行', '功能齐全', '客服很好', '操作简单']
    .map((c, i) => ({ period: i % 2 ? '2026-Q1' : '2026-Q2', o: 4 + (i % 2), n: 10, r: 1, c })),
  { period: '2026-Q1', o: 3, n: 7, r: 1, c: UNQUOTED },
  { period: '2026-Q2', o: NaN, n: NaN, r: NaN, c: '   ' },
  { period: '2026-Q2', o: 1, n: 0, r: 0, c: null },
];

describe('survey themes in the model', () => {
  const config = parseConfig(yaml('themes: { min_docs: 3 }'), '/tmp/survey.yaml');
  const model = buildModel(config, responses(rows));

  it('finds the planted term for the dissatisfied group over all periods', () => {
    const top = themesOf(model.themes, 'total', 'dissatisfied')[0];
    // 物流 is in 6 of 8 dissatisfied comments and 1 of 8 satisfied ones.
    expect(top).toMatchObject({ period: 'total', group: 'dissatisfied', rank: 1, term: '物流', docs: 6, docs_dissatisfied: 6, docs_satisfied: 1 });
    expect(top.z).toBeGreaterThan(0);
    expect(top.examples).toHaveLength(3);
    const satisfied = themesOf(model.themes, 'total', 'satisfied')[0];
    expect(satisfied).toMatchObject({ term: '客服', docs: 4, docs_dissatisfied: 0 });
    expect(satisfied.z).toBeLessThan(0);
  });

  it('counts comments per group and period; blank comments and missing ratings are not dissatisfied', () => {
    expect(model.themes.scopes.map((s) => s.period)).toEqual(['2026-Q1', '2026-Q2', 'total']);
    expect(model.themes.scopes.at(-1)!.comments).toEqual({ dissatisfied: 8, satisfied: 8, other: 1 });
    expect(model.themes.scopes[0].comments).toEqual({ dissatisfied: 4, satisfied: 4, other: 1 });
  });

  it('masks e-mail addresses and phone numbers in the quotes, and nothing else of a comment reaches the model', () => {
    const all = themesOf(model.themes, 'total', 'dissatisfied').flatMap((t) => t.examples);
    const withMore = buildModel(parseConfig(yaml('themes: { min_docs: 1, top: 50 }'), '/tmp/survey.yaml'), responses(rows));
    const examples = withMore.themes.rows.flatMap((r) => r.examples);
    expect(examples).toContain('物流慢，请联系 [email]');
    expect(examples).toContain('物流很差，电话 [phone]');
    for (const q of [...all, ...examples]) expect(findPii(q)).toEqual([]);
    const text = JSON.stringify(withMore, (_k, v) => (v instanceof Map || v instanceof Set ? [...v] : v));
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(UNQUOTED); // an 'other' comment is never a quote
    // The published fields only.
    expect(Object.keys(withMore.themes.rows[0]).sort()).toEqual(['also', 'docs', 'docs_dissatisfied', 'docs_satisfied', 'examples', 'group', 'period', 'rank', 'term', 'z']);
  });
});

describe('folding terms of the same comments', () => {
  const theme = (term: string, docs: number, z: number, quotes: string[]): Theme => ({ term, side: 'dissatisfied', docsDissatisfied: docs, docsSatisfied: 0, delta: 0, z, quotes });
  it('groups equal counts, z and quotes, keeps the first place and leads with the longest term', () => {
    const q = ['找客服要排队很久，响应速度有待提升'];
    const folded = foldSameComments([theme('找', 4, 1.9, q), theme('工单', 5, 1.8, ['工单慢']), theme('排队很久', 4, 1.9, q), theme('响应速度', 4, 1.9, q)]);
    expect(folded.map((g) => g.map((t) => t.term))).toEqual([['排队很久', '响应速度', '找'], ['工单']]);
    // Same counts but other quotes: different comments, not folded.
    expect(foldSameComments([theme('a', 4, 1, ['x']), theme('b', 4, 1, ['y'])])).toHaveLength(2);
  });
});

describe('comment groups', () => {
  it('bottom2 reads the overall item: 1–2 dissatisfied, 4–5 satisfied, 3 and missing other', () => {
    const g = commentGrouping(parseConfig(yaml(), '/tmp/survey.yaml'));
    expect(g).toEqual({ question: 'o', rule: 'box', dissatisfied: [1, 2], satisfied: [4, 5] });
    expect([1, 2, 3, 4, 5, NaN].map((v) => groupOf(g, v))).toEqual(['dissatisfied', 'dissatisfied', 'other', 'satisfied', 'satisfied', 'other']);
  });

  it('detractors reads the NPS item: 0–6 against 9–10', () => {
    const g = commentGrouping(parseConfig(yaml('themes: { dissatisfied: detractors }'), '/tmp/survey.yaml'));
    expect(g).toEqual({ question: 'n', rule: 'nps', dissatisfied: [0, 1, 2, 3, 4, 5, 6], satisfied: [9, 10] });
    expect(groupOf(g, 7)).toBe('other');
  });

  it('a yes/no outcome splits into not-positive and positive when there is no overall item', () => {
    const noOverall = yaml().replace('  - { id: o, column: o, scale: s5, role: overall }\n', '');
    const g = commentGrouping(parseConfig(`${noOverall}drivers: { outcome: r }\n`, '/tmp/survey.yaml'));
    expect(g).toEqual({ question: 'r', rule: 'yesno', dissatisfied: [0], satisfied: [1] });
  });

  it('says so when detractors are asked for without an NPS item', () => {
    const noNps = yaml('themes: { dissatisfied: detractors }').replace('  - { id: n, column: n, scale: n11, role: nps }\n', '');
    expect(() => commentGrouping(parseConfig(noNps, '/tmp/survey.yaml'))).toThrow('no question has role nps');
  });
});

describe('the sample survey', () => {
  const model = loadModel(path.resolve('data/survey.yaml'));

  it('finds the planted pain words among the top dissatisfied themes', () => {
    // src/lib/sample/comments.ts: respondents with overall ≤ 2 write about 响应慢 / 客服 / 工单,
    // 卡顿, 价格 and 发票, weighted towards their lowest-rated area.
    const terms = themesOf(model.themes, 'total', 'dissatisfied').map((t) => t.term);
    expect(terms.slice(0, 5)).toEqual(expect.arrayContaining(['工单', '响应慢', '价格', '卡顿']));
    const satisfied = themesOf(model.themes, 'total', 'satisfied').map((t) => t.term);
    // Satisfied ones write 产品好用，功能强大 / 报表功能很实用 …
    expect(satisfied.slice(0, 3)).toEqual(expect.arrayContaining(['功能', '报表']));
    for (const planted of ['响应慢', '工单', '卡顿', '价格']) expect(satisfied).not.toContain(planted);
  });

  it('has themes for every period and masks the personal data the sample plants in comments', () => {
    for (const p of [...model.metrics.periods, 'total']) expect(themesOf(model.themes, p, 'dissatisfied').length, p).toBeGreaterThan(0);
    const examples = model.themes.rows.flatMap((r) => r.examples);
    for (const q of examples) expect(findPii(q), q).toEqual([]);
    expect(examples.join('\n')).not.toMatch(/@example\./);
  });
});
