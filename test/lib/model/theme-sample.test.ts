import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import fc from 'fast-check';
import { loadConfig, parseConfig } from '../../../src/lib/config';
import { surveyComments, surveyThemes, themesInput } from '../../../src/lib/model/themes';
import type { PendingRows } from '../../../src/lib/ingest/finish';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import path from 'node:path';
import { commentGrouping } from '../../../src/lib/model/comment-groups';

const config = parseConfig(`
title: Test
responses: { files: x.csv, date: d }
scales: { s5: { points: 5 } }
questions: [ { id: o, column: o, scale: s5, role: overall } ]
comments: [ { id: c, column: c } ]
`, '/tmp/survey.yaml');
const grouping = commentGrouping(config);

function table(rows: { period: string; o: number; c: string | null }[]) {
  return aq.table({ period: rows.map((r) => r.period), o: Float64Array.from(rows, (r) => r.o), c: rows.map((r) => r.c) });
}

describe('the comment sample of the themes', () => {
  it('keeps every comment up to the cap, then the ⌊j·count/cap⌋-th of each period and group', () => {
    // 10 dissatisfied comments in P1 (o = 1), cap 4: positions 0, 2, 5, 7 (⌊j·10/4⌋ for j = 0…3).
    const rows: { period: string; o: number; c: string | null }[] = Array.from({ length: 10 }, (_, i) => ({ period: 'P1', o: 1, c: `c${i}` }));
    rows.push({ period: 'P1', o: 5, c: 's0' }, { period: 'P2', o: 1, c: 'd0' }, { period: 'P1', o: 1, c: '  ' }, { period: 'P1', o: 1, c: null });
    const { comments, counts } = surveyComments(table(rows), config, grouping, 4);
    expect(comments.map((c) => c.text)).toEqual(['c0', 'c2', 'c5', 'c7', 's0', 'd0']);
    expect(counts.get('P1')).toEqual({ dissatisfied: 10, satisfied: 1, other: 0 });
    expect(counts.get('total')).toEqual({ dissatisfied: 11, satisfied: 1, other: 0 });
  });

  it('property: per period and group, min(count, cap) comments, in file order, all of them without a cap', () => {
    const row = fc.record({ period: fc.constantFrom('P1', 'P2'), o: fc.constantFrom(1, 3, 5, NaN), c: fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 3 }).map((s) => `x${s}`)) });
    fc.assert(fc.property(fc.array(row, { maxLength: 80 }), fc.integer({ min: 1, max: 10 }), (rows, cap) => {
      const all = surveyComments(table(rows), config, grouping).comments;
      const some = surveyComments(table(rows), config, grouping, cap).comments;
      expect(all.map((c) => c.text)).toEqual(rows.filter((r) => r.c !== null).map((r) => r.c));
      for (const period of ['P1', 'P2']) {
        for (const group of ['dissatisfied', 'satisfied', 'other']) {
          const full = all.filter((c) => c.period === period && c.group === group);
          const kept = some.filter((c) => c.period === period && c.group === group);
          expect(kept.length).toBe(Math.min(cap, full.length));
          // A subsequence of the full list (kept in file order).
          const texts = full.map((c) => c.text);
          let at = 0;
          for (const k of kept) {
            at = texts.indexOf(k.text, at) + 1;
            expect(at).toBeGreaterThan(0);
          }
        }
      }
    }));
  });

  it('reads every comment column, also the ninth and later (one flag per column and row), and counts them', () => {
    const ids = Array.from({ length: 10 }, (_, j) => `c${j}`);
    const wide = parseConfig(`
title: Test
responses: { files: x.csv, date: d }
scales: { s5: { points: 5 } }
questions: [ { id: o, column: o, scale: s5, role: overall } ]
comments: [ ${ids.map((id) => `{ id: ${id}, column: ${id} }`).join(', ')} ]
`, '/tmp/survey.yaml');
    // Row 0 has a comment in column 9 only; row 1 in columns 0 and 8.
    const columns = Object.fromEntries(ids.map((id, j) => [id, [j === 9 ? 'ten' : null, j === 0 ? 'one' : j === 8 ? 'nine' : null]]));
    const t = aq.table({ period: ['P1', 'P1'], o: Float64Array.from([1, 5]), ...columns });
    const { comments, counts } = surveyComments(t, wide, commentGrouping(wide), 5);
    expect(comments.map((c) => c.text)).toEqual(['ten', 'one', 'nine']);
    expect(counts.get('P1')).toEqual({ dissatisfied: 1, satisfied: 2, other: 0 });
  });

  it('reports the comments analysed next to all comments', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ period: 'P1', o: i % 2 ? 1 : 5, c: i % 2 ? `物流太慢 ${i}` : `客服很好 ${i}` }));
    const themes = surveyThemes(table(rows), ['P1'], config, 10);
    expect(themes.scopes[0]).toEqual({ period: 'P1', comments: { dissatisfied: 15, satisfied: 15, other: 0 }, analysed: { dissatisfied: 10, satisfied: 10, other: 0 } });
  });
});

describe('the comment sample from ingest codes', () => {
  it('equals the sample read from the table columns (the sample survey, a small cap)', () => {
    const sample = loadConfig(path.resolve('data/survey.yaml'));
    const r = ingestResponses(sample);
    expect(r.codes).toBeDefined();
    const fromCodes = themesInput(r.table, r.periods, sample, 40, r.codes);
    const fromTable = themesInput(r.table, r.periods, sample, 40);
    expect(fromCodes.comments).toEqual(fromTable.comments);
    expect(fromCodes.counts).toEqual(fromTable.counts);
  });

  it('equals it from the rows ingest hands over before the table is made (onRows)', () => {
    const sample = loadConfig(path.resolve('data/survey.yaml'));
    let early: PendingRows | undefined;
    const r = ingestResponses(sample, { onRows: (rows) => (early = rows) });
    expect(early?.rows).toBe(r.table.numRows());
    const fromRows = themesInput(early!, early!.periods, sample, 40, early!.codes);
    const fromTable = themesInput(r.table, r.periods, sample, 40);
    expect(fromRows.comments).toEqual(fromTable.comments);
    expect(fromRows.counts).toEqual(fromTable.counts);
    expect(() => themesInput(early!, early!.periods, sample, 40)).toThrow(/need the period codes/);
  });
});
