/** One survey wave per quarter: who answers, when, and the exported row of text cells. */
import { normalFrom, weightedIndex, type Random } from '../util/random';
import { drawAnswers } from './answers';
import { formatMinute, weekday, type Quarter } from './calendar';
import { drawComment } from './comments';
import type { Customer } from './customers';
import { cesText, npsText, renewalText, sat5Text } from './labels';
import { ITEMS } from './spec';

/** The export's columns, in order (the names data/survey.yaml declares). */
export const RESPONSE_HEADER: readonly string[] = [
  '答卷编号',
  '客户编号',
  '提交时间',
  '套餐',
  '地区',
  '渠道',
  ...ITEMS.map((item) => item.column),
  '总体满意度',
  '推荐意愿',
  '解决问题的容易程度',
  '是否续费',
  '意见与建议',
];

/** Relative submissions per hour of the day (office hours, an evening bump). */
const HOUR_WEIGHTS = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 2, 4, 5, 4.5, 2.5, 3, 4.5, 4.5, 4, 3, 2, 2, 2.2, 2, 1.2, 0.6];

/**
 * `count` distinct customers drawn with probability proportional to their responsiveness
 * (Efraimidis & Spirakis 2006: keep the largest u^(1/w)), among the installed base and
 * the new customers who bought before the wave closes.
 */
function respondents(random: Random, customers: readonly Customer[], quarter: Quarter, count: number): Customer[] {
  const eligible = customers.filter((c) => c.responsiveness > 0 && (c.installed || c.firstDay <= quarter.end - 3));
  if (eligible.length < count) {
    throw new Error(`${quarter.label}: ${eligible.length} eligible customers, fewer than the ${count} responses asked for`);
  }
  const keyed = eligible.map((customer) => ({ customer, key: Math.log(1 - random()) / customer.responsiveness }));
  keyed.sort((x, y) => y.key - x.key);
  return keyed.slice(0, count).map((k) => k.customer);
}

/** A submission day in the quarter (for new customers after their first purchase); weekends half as likely. */
function submitDay(random: Random, customer: Customer, quarter: Quarter): number {
  const from = customer.installed ? quarter.start : Math.max(quarter.start, customer.firstDay + 1);
  for (;;) {
    const day = from + Math.floor(random() * (quarter.end - from + 1));
    const weekend = weekday(day) === 0 || weekday(day) === 6;
    if (!weekend || random() < 0.5) return day;
  }
}

/** The rows of one quarter's export, in submission order, ids R2025Q1-00001 …. */
export function generateQuarter(
  random: Random,
  customers: readonly Customer[],
  quarter: Quarter,
  count: number,
): string[][] {
  const normal = normalFrom(random);
  const drafts = respondents(random, customers, quarter, count).map((customer) => {
    const day = submitDay(random, customer, quarter);
    const minute = weightedIndex(random, HOUR_WEIGHTS) * 60 + Math.floor(random() * 60);
    const answers = drawAnswers(random, normal, customer, quarter.index);
    const english = customer.english;
    const cells = [
      customer.plan,
      customer.region,
      customer.channel,
      ...ITEMS.map((item) => sat5Text(random, answers.items[item.id], english)),
      sat5Text(random, answers.overall, english),
      npsText(answers.nps),
      cesText(random, answers.ces, english),
      renewalText(answers.renew, english),
      drawComment(random, answers, english),
    ];
    return { customer: customer.id, day, minute, cells };
  });
  drafts.sort((x, y) => x.day - y.day || x.minute - y.minute || (x.customer < y.customer ? -1 : 1));
  return drafts.map((d, i) => [
    `R${quarter.code}-${String(i + 1).padStart(5, '0')}`,
    d.customer,
    formatMinute(d.day, d.minute),
    ...d.cells,
  ]);
}
