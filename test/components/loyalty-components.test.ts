import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Clv from '../../src/components/Clv.astro';
import LoyaltyBySatisfaction from '../../src/components/LoyaltyBySatisfaction.astro';
import Retention from '../../src/components/Retention.astro';
import { loadModel } from '../../src/lib/model';
import { formatNumber } from '../../src/lib/format';

describe('loyalty MDX components (Astro Container API)', () => {
  let container: AstroContainer;
  const model = loadModel();
  const l = model.loyalty!;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });

  it('<Retention> draws the cohort heatmap with each cohort and its size', async () => {
    const html = await container.renderToString(Retention);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    const first = l.cohorts[0];
    expect(html).toContain(first.cohort);
    expect(html).toContain(formatNumber(first.customers, 'num0', model.config.locale));
  });

  it('<LoyaltyBySatisfaction> shows the model repeat rates by level, and by NPS group', async () => {
    const html = await container.renderToString(LoyaltyBySatisfaction, { props: { metric: 'repeat_rate' } });
    const top = l.satisfaction.find((r) => r.group_by === 'satisfaction' && r.level === '5')!;
    expect(html).toContain(formatNumber(top.repeat_rate, 'pct1', model.config.locale));
    expect(await container.renderToString(LoyaltyBySatisfaction, { props: { metric: 'frequency', by: 'nps' } })).toMatch(/<svg/);
  });

  it('<Clv> draws the distribution, and mean CLV by a segment', async () => {
    expect(await container.renderToString(Clv)).toMatch(/<svg/);
    const html = await container.renderToString(Clv, { props: { by: 'plan' } });
    const enterprise = l.clv.groups.find((g) => g.group_by === 'plan' && g.group === '企业版')!;
    expect(html).toContain(formatNumber(enterprise.clv_mean, 'num0', model.config.locale));
  });

  it('a wrong prop fails with the prop, the value and the allowed values', async () => {
    await expect(container.renderToString(LoyaltyBySatisfaction, { props: { metric: 'repeat' } })).rejects.toThrow(
      /<LoyaltyBySatisfaction> metric="repeat" is not allowed; expected one of: repeat_rate, frequency, spend/,
    );
    await expect(container.renderToString(LoyaltyBySatisfaction, { props: { by: 'csat' } })).rejects.toThrow(/<LoyaltyBySatisfaction> by="csat" is not allowed; expected one of: satisfaction, nps/);
    await expect(container.renderToString(Clv, { props: { by: 'tier' } })).rejects.toThrow(/<Clv> by="tier" is not allowed; expected one of: all, plan, region, channel, satisfaction, nps/);
  });
});
