import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { loadConfig } from '../../../src/lib/config/load';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import { buildModel } from '../../../src/lib/model';
import type { Responses } from '../../../src/lib/ingest/types';
import { mulberry32, normalFrom } from '../../../src/lib/util/random';

// test/fixtures/second-survey: numeric 1–5 items with 0 = not applicable, a 0–10 item, a
// yes/no outcome, no date column, no overall item: described by its YAML alone.
const config = loadConfig(path.resolve('test/fixtures/second-survey/survey.yaml'));
const DRIVERS = ['ease', 'speed', 'quality'];
const overall = (rows: ReturnType<typeof buildModel>['metrics']['drivers'], period: string) =>
  rows.filter((r) => r.period === period && r.segment === 'all');

describe('the second survey', () => {
  it('takes the yes/no outcome as the driver outcome when there is no overall item', () => {
    expect(config.drivers.outcome).toBe('resolved');
  });

  it('gives a driver row per item for its few responses, flagged unstable instead of showing weights', () => {
    const model = buildModel(config, ingestResponses(config));
    expect(model.metrics.periods).toEqual(['all']);
    const rows = overall(model.metrics.drivers, 'total');
    expect(rows.map((r) => r.question).sort()).toEqual([...DRIVERS].sort());
    for (const r of rows) {
      // 3 drivers × min_per_driver 10 = 30 complete answers needed; the fixture has fewer.
      expect(r.unstable).toBe(true);
      expect(r.n).toBeLessThan(30);
      expect(r.importance).toBeNull();
      expect(r.performance).not.toBeNull();
    }
    // Themes group by the yes/no outcome: "no" is dissatisfied.
    expect(model.themes.grouping).toMatchObject({ question: 'resolved', rule: 'yesno', dissatisfied: [0], satisfied: [1] });
  });

  it('orders the driver rows by priority, and recovers the simulated importance order, with enough responses', () => {
    // 600 simulated respondents (seeded): resolved depends on quality most, then speed, then
    // ease; about 5% "not applicable" (0 → missing) per item.
    const random = mulberry32(20260105);
    const normal = normalFrom(random);
    const n = 600;
    const cols: Record<string, number[]> = { ease: [], speed: [], quality: [], recommend: [], resolved: [] };
    const teams: string[] = [];
    const level = (z: number) => Math.min(5, Math.max(1, Math.round(3 + 1.1 * z)));
    for (let i = 0; i < n; i++) {
      const z = { ease: normal(), speed: normal(), quality: normal() };
      const latent = 0.3 * z.ease + 0.8 * z.speed + 1.6 * z.quality + 0.6 * normal();
      for (const d of DRIVERS) cols[d].push(random() < 0.05 ? NaN : level(z[d as keyof typeof z]));
      cols.recommend.push(Math.min(10, Math.max(0, Math.round(7 + 2 * latent))));
      cols.resolved.push(latent > -0.3 ? 1 : 0);
      teams.push(['Support', 'Billing', 'Onboarding'][i % 3]);
    }
    const table = aq.table({
      period: Array(n).fill('all'), team: teams,
      ...Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
      comment: Array(n).fill(null),
    });
    const responses: Responses = { table, periods: ['all'], accounting: { files: [], rowsRead: n, used: n, rejected: 0, byReason: {}, missingRate: {} }, rejected: [] };
    const rows = overall(buildModel(config, responses).metrics.drivers, 'total');
    expect(rows.map((r) => r.unstable)).toEqual([false, false, false]);
    expect(rows.map((r) => r.priority)).toEqual([1, 2, 3]);
    const byImportance = [...rows].sort((a, b) => b.importance! - a.importance!).map((r) => r.question);
    expect(byImportance).toEqual(['quality', 'speed', 'ease']);
    // Importance is a share of R²: the shares sum to 1.
    expect(rows.reduce((s, r) => s + r.importance!, 0)).toBeCloseTo(1, 10);
    for (const r of rows) expect(r.quadrant).not.toBeNull();
  });
});
