import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/config';
import { ingestResponses } from '../../../src/lib/ingest';
import { buildModel } from '../../../src/lib/model';

// The sample survey with raking to plan shares 40/40/20 (the sample has about 52/34/14).
const file = path.resolve('data/survey.yaml');
const yaml = `${fs.readFileSync(file, 'utf8')}
weighting:
  method: rake
  margins:
    plan: { 免费版: 0.4, 专业版: 0.4, 企业版: 0.2 }
    region: { 华东: 0.4, 华北: 0.25, 华南: 0.2, 西部: 0.15 }
`;

describe('weighting in the model', () => {
  const config = parseConfig(yaml, file);
  const responses = ingestResponses(config);
  const model = buildModel(config, responses);
  const unweighted = buildModel({ ...config, weighting: undefined }, responses);

  it('rakes each period to the margins and reports n and n_eff', () => {
    for (const period of model.metrics.periods) {
      const rows = model.metrics.index.filter((r) => r.period === period && r.segment === 'plan');
      const total = model.metrics.index.find((r) => r.period === period && r.segment === 'all')!;
      expect(total.n_eff).toBeLessThan(total.n);
      // Weighted share of a plan = Σw in the cell / Σw in the period; Σw = n (weights of mean 1).
      const share = (v: string) => {
        const s = model.metrics.scores.find((r) => r.period === period && r.segment === 'plan' && r.segment_value === v && r.question === 'q_overall')!;
        const t = model.metrics.scores.find((r) => r.period === period && r.segment === 'all' && r.question === 'q_overall')!;
        return s.counts.reduce((a, b) => a + b, 0) / t.counts.reduce((a, b) => a + b, 0);
      };
      // Margins hold for all respondents; the overall item's missing answers shift them slightly.
      expect(share('企业版')).toBeCloseTo(0.2, 1);
      expect(rows.length).toBe(3);
    }
  });

  it('moves the estimates towards the up-weighted segment and widens the intervals', () => {
    const w = model.metrics.index.find((r) => r.period === '2026-Q2' && r.segment === 'all')!;
    const u = unweighted.metrics.index.find((r) => r.period === '2026-Q2' && r.segment === 'all')!;
    // 企业版 scored lowest in 2026-Q2 and is weighted up from ~14% to 20%.
    expect(w.value!).toBeLessThan(u.value!);
    expect(w.high! - w.low!).toBeGreaterThan(u.high! - u.low!);
  });

  it('names the margin when raking cannot work', () => {
    const bad = parseConfig(yaml.replace('企业版: 0.2 }', '企业版: 0.1, 旗舰版: 0.1 }'), file);
    expect(() => buildModel(bad, responses)).toThrow(/旗舰版/);
  });
});
