import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/lib/config';
import { compareAggregates, duckdbSql, writtenLabels, type Aggregate } from '../../src/cli/bench/aggregates';

const yaml = `
title: T
timezone: Asia/Shanghai
responses: { files: x.csv, date: 提交时间, date_format: YYYY-MM-DD HH:mm }
segments: [ { id: plan, column: 套餐 } ]
scales: { s5: { points: 5, labels: { 满意: 4, Satisfied: 4 }, missing: [不适用] }, n11: { points: 11 } }
questions:
  - { id: q1, column: 功能, scale: s5 }
  - { id: n, column: 推荐, scale: n11, role: nps }
`;
const config = parseConfig(yaml, '/tmp/survey.yaml');
const cell = (over: Partial<Aggregate>): Aggregate => ({ period: '2026-Q1', segment: 'all', value: 'all', question: 'q1', n: 10, mean: 4, top2: 0.5, ...over });

describe('the benchmark aggregates', () => {
  it('writes labels as written (exact) or normalised, quarters from the wall-clock date, grouping sets for every cell', () => {
    const exact = duckdbSql(config, ['a.csv'], 'exact', writtenLabels(yaml));
    expect(exact).toContain(`WHEN "功能" = 'Satisfied' THEN 4`);
    expect(exact).toContain(`WHEN "功能" = '不适用' THEN NULL`);
    const normalized = duckdbSql(config, ['a.csv']);
    expect(normalized).toContain(`WHEN lower(trim("功能")) = 'satisfied' THEN 4`);
    expect(normalized).toContain(`strftime(strptime(trim("提交时间"), '%Y-%m-%d %H:%M'), '%Y') || '-Q' || quarter(`);
    expect(normalized).toContain('GROUPING SETS ((period), (period, "s_plan"), (), ("s_plan"))');
    expect(normalized).toContain(`100.0 * (count(*) FILTER (WHERE "q_n" >= 9) - count(*) FILTER (WHERE "q_n" <= 6))`);
  });

  it('agrees only when n is equal and the estimates within the tolerance, on the same cells', () => {
    expect(compareAggregates([cell({})], [cell({ mean: 4 + 1e-12 })]).problems).toEqual([]);
    expect(compareAggregates([cell({})], [cell({ n: 9 })]).problems).toEqual(['2026-Q1|all|all|q1: n 10 vs 9']);
    expect(compareAggregates([cell({})], [cell({ top2: 0.5001 })]).problems).toEqual(['2026-Q1|all|all|q1: top2 0.5 vs 0.5001']);
    expect(compareAggregates([cell({ mean: null })], [cell({ mean: 3 })]).problems).toEqual([]); // suppressed in csat-report
    expect(compareAggregates([cell({})], [cell({ value: 'x', segment: 'plan' })]).problems).toEqual(['2026-Q1|all|all|q1: missing in DuckDB', '2026-Q1|plan|x|q1: missing in csat-report']);
  });
});
