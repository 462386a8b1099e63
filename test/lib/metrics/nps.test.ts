import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellStatsFromAnswers } from '../../../src/lib/metrics/cell-stats';
import { nps, npsCountsFromCell, npsFromCell } from '../../../src/lib/metrics/nps';

describe('NPS', () => {
  it('groups 0–10 answers into detractors 0–6, passives 7–8, promoters 9–10', () => {
    const cell = cellStatsFromAnswers([0, 6, 7, 8, 9, 10, 10], { min: 0, max: 10 });
    expect(npsCountsFromCell(cell)).toEqual({ promoters: 3, passives: 2, detractors: 2 });
  });

  it('adjusted Wald (Rocks 2016), hand-worked: 50 promoters, 30 passives, 20 detractors', () => {
    // n′ = 103, p′ = 50.75/103, d′ = 20.75/103, Var = (p′ + d′ − (p′ − d′)²)/n′;
    // worked in Python: adjusted NPS 29.126213592233007, se 7.6915104218147565 points,
    // interval [14.050853165476084, 44.20157401898993].
    const r = nps({ promoters: 50, passives: 30, detractors: 20 })!;
    expect(r.nps).toBeCloseTo(30, 12);
    expect(r.promoterShare).toBe(0.5);
    expect(r.adjustedNps).toBeCloseTo(29.126213592233007, 12);
    expect(r.se).toBeCloseTo(7.6915104218147565, 12);
    expect(r.variance).toBeCloseTo(59.15933256888501, 10);
    expect(r.low).toBeCloseTo(14.050853165476084, 12);
    expect(r.high).toBeCloseTo(44.20157401898993, 12);
  });

  it('clips the interval to ±100', () => {
    const r = nps({ promoters: 5, passives: 0, detractors: 0 })!;
    expect(r.nps).toBe(100);
    expect(r.high).toBe(100);
  });

  it('uses weighted shares and n_eff from a weighted cell', () => {
    const cell = cellStatsFromAnswers([10, 0, 8], { min: 0, max: 10 }, [2, 1, 1]);
    const r = npsFromCell(cell)!;
    expect(r.nps).toBeCloseTo(25, 12); // (2 − 1)/4
    expect(r.nEff).toBeCloseTo(16 / 6, 14);
  });

  it('empty cell gives null; wrong scale throws', () => {
    expect(npsFromCell(cellStatsFromAnswers([], { min: 0, max: 10 }))).toBeNull();
    expect(() => npsCountsFromCell(cellStatsFromAnswers([1], { min: 1, max: 5 }))).toThrow(
      'nps: needs a 0–10 scale (11 levels), got 5 levels',
    );
  });

  it('NPS and its interval lie within ±100; the interval contains NPS for n ≥ 2 (property)', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), fc.nat(400), (promoters, passives, detractors) => {
        const r = nps({ promoters, passives, detractors });
        if (promoters + passives + detractors === 0) {
          expect(r).toBeNull();
          return;
        }
        expect(r!.nps).toBeGreaterThanOrEqual(-100);
        expect(r!.nps).toBeLessThanOrEqual(100);
        expect(r!.low).toBeGreaterThanOrEqual(-100);
        expect(r!.high).toBeLessThanOrEqual(100);
        expect(r!.promoterShare + r!.passiveShare + r!.detractorShare).toBeCloseTo(1, 12);
        if (r!.total >= 2) {
          expect(r!.low).toBeLessThanOrEqual(r!.nps + 1e-9);
          expect(r!.high).toBeGreaterThanOrEqual(r!.nps - 1e-9);
        }
      }),
    );
  });
});
