/**
 * Each surveyed customer's attributes from their latest response: segment values, the
 * overall-satisfaction level and the NPS group. "Latest" is the response in the latest
 * period, and within a period the one read last (files in name order, rows in file order),
 * since the responses table keeps periods, not timestamps. Satisfaction and NPS come from the
 * latest response that answered them, so a skipped question does not drop the customer.
 */
import type { SurveyConfig } from '../../config/types';
import type { Responses } from '../../ingest/types';
import type { CustomerProfile, NpsGroup } from './types';

export function npsGroupOf(answer: number): NpsGroup | null {
  if (!Number.isFinite(answer)) return null;
  return answer >= 9 ? 'promoter' : answer >= 7 ? 'passive' : 'detractor';
}

export function customerProfiles(responses: Responses, config: SurveyConfig): Map<string, CustomerProfile> {
  const profiles = new Map<string, CustomerProfile>();
  const customers = responses.customers;
  if (!customers) return profiles;
  const table = responses.table;
  const n = table.numRows();
  const rank = new Map(responses.periods.map((p, i) => [p, i]));
  const periods = n ? (table.array('period') as ArrayLike<string>) : [];
  const segments = config.segments.map((s) => ({ id: s.id, values: n ? (table.array(s.id) as ArrayLike<string>) : [] }));
  const overallId = config.questions.find((q) => q.role === 'overall')?.id;
  const npsId = config.questions.find((q) => q.role === 'nps')?.id;
  const overall = overallId && n ? (table.array(overallId) as ArrayLike<number>) : undefined;
  const nps = npsId && n ? (table.array(npsId) as ArrayLike<number>) : undefined;

  // Row order by (period, position): a stable sort keeps file order within a period.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (rank.get(periods[a]) ?? 0) - (rank.get(periods[b]) ?? 0));
  for (const i of order) {
    const customer = customers[i];
    if (customer === null || customer === undefined) continue;
    let profile = profiles.get(customer);
    if (!profile) profiles.set(customer, (profile = { segments: {}, satisfaction: NaN, npsGroup: null }));
    for (const s of segments) profile.segments[s.id] = s.values[i];
    if (overall && Number.isFinite(overall[i])) profile.satisfaction = overall[i];
    const group = nps ? npsGroupOf(nps[i]) : null;
    if (group) profile.npsGroup = group;
  }
  return profiles;
}
