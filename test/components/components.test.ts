import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Kpi from '../../src/components/Kpi.astro';
import Value from '../../src/components/Value.astro';
import Likert from '../../src/components/Likert.astro';
import Trend from '../../src/components/Trend.astro';
import SegmentHeatmap from '../../src/components/SegmentHeatmap.astro';
import ScoreTable from '../../src/components/ScoreTable.astro';
import { loadModel } from '../../src/lib/model';
import { formatNumber } from '../../src/lib/format';

describe('MDX components (Astro Container API)', () => {
  let container: AstroContainer;
  const model = loadModel();
  beforeAll(async () => {
    container = await AstroContainer.create();
  });

  it('<Kpi> shows the model value', async () => {
    const html = await container.renderToString(Kpi, { props: { metric: 'nps', period: '2026-Q3' } });
    const row = model.metrics.nps.find((r) => r.period === '2026-Q3' && r.segment === 'all')!;
    expect(html).toContain(formatNumber(row.nps, 'num0', model.config.locale));
  });

  it('<Value> prints a number inside prose, per segment', async () => {
    const html = await container.renderToString(Value, { props: { metric: 'q_response.score100', period: '2026-Q2', segment: 'plan=企业版' } });
    const row = model.metrics.scores.find((r) => r.period === '2026-Q2' && r.segment === 'plan' && r.segment_value === '企业版' && r.question === 'q_response')!;
    expect(html).toContain(formatNumber(row.score100, 'num1', model.config.locale));
  });

  it('<Likert>, <Trend>, <SegmentHeatmap>, <ScoreTable> render inline SVG or tables', async () => {
    expect(await container.renderToString(Likert, { props: { period: '2026-Q4' } })).toMatch(/<svg[^>]*role="img"/);
    expect(await container.renderToString(Trend, { props: { metric: 'index' } })).toMatch(/<svg/);
    expect(await container.renderToString(SegmentHeatmap, { props: { segment: 'plan' } })).toMatch(/<svg/);
    expect(await container.renderToString(ScoreTable, { props: { period: '2026-Q4' } })).toContain('<table>');
  });

  it('a wrong prop fails with the prop, the value and the allowed values', async () => {
    await expect(container.renderToString(Kpi, { props: { metric: 'npss' } })).rejects.toThrow(
      /<Kpi> metric="npss" is not allowed; expected one of: index, csat, nps, ces \(did you mean "nps"\?\)/,
    );
    await expect(container.renderToString(Trend, { props: { metric: 'index', segment: 'plan=gold' } })).rejects.toThrow(/<Trend> segment="plan=gold" is not allowed; expected one of: all, plan=免费版/);
    await expect(container.renderToString(Likert, { props: { period: '2031-Q1' } })).rejects.toThrow(/<Likert> period="2031-Q1" is not allowed; expected one of: 2025-Q1/);
  });
});
