/**
 * Open comments built from phrase templates, so the themes analysis has real words to find:
 * dissatisfied respondents write about their lowest-rated area (响应慢 / 客服 / 工单, 卡顿,
 * 价格, 发票), satisfied ones about 好用 / 功能强大 / 报表 / 稳定. Some phrases carry commas,
 * quotes and line breaks so the export needs proper CSV quoting.
 */
import { pick, weightedIndex, type Random } from '../util/random';
import type { Answers } from './answers';
import { COMMENT_RATE } from './spec';

type Theme = 'response' | 'expertise' | 'stability' | 'pricing' | 'billing' | 'positive' | 'suggestion' | 'mild';

const ZH: Record<Theme, readonly string[]> = {
  response: [
    '客服响应慢，工单提交后两天才有人回复',
    '客服响应太慢了，希望能有专人对接',
    '找客服要排队很久，响应速度有待提升',
    '工单处理太慢，问题拖了一周还没解决',
    '客服态度还可以，但是响应慢',
    '工单没人跟进，打电话客服也说不清楚',
    '响应慢是最大的问题，紧急问题找不到人',
    '提交工单后没有任何进度通知',
  ],
  expertise: ['客服不够专业，问了三次才找到懂的人', '客服对产品不熟悉，回答都是模板话术', '技术支持水平参差不齐'],
  stability: [
    '高峰期系统卡顿，有时还会掉线',
    '报表加载很卡顿，要等半分钟',
    '上周掉线两次，影响了业务',
    '移动端经常卡顿，稳定性需要加强',
  ],
  pricing: [
    '价格偏高，性价比一般',
    '续费价格涨得太多，考虑换别家',
    '价格太贵了，小团队负担不起',
    '按人数收费太贵, 希望有更灵活的套餐',
  ],
  billing: [
    '发票开具流程繁琐，要来回沟通好几次',
    '申请发票太麻烦，希望支持电子发票',
    '开票要等半个月，财务一直催',
    '对公转账后发票迟迟不到',
  ],
  positive: [
    '产品好用，功能强大',
    '报表功能很实用，老板很满意',
    '系统稳定，很少出问题',
    '界面简洁，上手很快，很好用',
    '功能强大，基本满足我们的需求',
    '数据报表做得很好，导出也方便',
    '用了一年多，一直很稳定',
    '客服很耐心，整体好用',
    '性价比高，已经推荐给同行',
  ],
  suggestion: [
    '希望增加"批量导出"功能',
    '建议支持移动端审批，方便出差时处理',
    '希望能和企业微信、钉钉打通',
    '培训资料少了点，新人上手要摸索',
    '希望增加更多报表模板，比如按部门、按项目统计',
    '能否把"自定义字段"放开到专业版？',
    '希望开放 API, 方便和我们自己的系统对接',
  ],
  mild: ['整体还行', '还可以，有改进空间', '一般般吧', '中规中矩'],
};

const EN: Record<Theme, readonly string[]> = {
  response: ['support is slow', 'Support is slow, tickets take days to get a reply', 'Waited 3 days for a ticket response'],
  expertise: ['Support staff did not know the product well'],
  stability: ['The app lags at peak hours, sometimes disconnects', 'Reports are slow to load'],
  pricing: ['Too expensive for a small team', 'Price went up a lot at renewal'],
  billing: ['Invoicing is painful, please support e-invoices (fapiao)'],
  positive: ['great reports', 'Great reports, easy to use', 'Stable and powerful, we love it', 'easy to use, good value'],
  suggestion: ['Please add "bulk export" to the API', 'OK overall, but onboarding docs could be better'],
  mild: ['OK overall', 'Fine, room to improve'],
};

/** Complaint themes weighted towards the areas this respondent rated lowest. */
function complaintTheme(random: Random, answers: Answers): Theme {
  const low = (v: number | null) => (v !== null && v <= 2 ? 1 : 0);
  const { q_response, q_expertise, q_stability, q_pricing, q_billing } = answers.items;
  const themes: Theme[] = ['response', 'expertise', 'stability', 'pricing', 'billing'];
  const weights = [
    3 + 4 * low(q_response),
    0.7 + 2 * low(q_expertise),
    1 + 3 * low(q_stability),
    1.2 + 3 * low(q_pricing),
    0.5 + 3 * low(q_billing),
  ];
  return themes[weightedIndex(random, weights)];
}

function themeFor(random: Random, answers: Answers): Theme {
  const overall = answers.overall ?? 3;
  const u = random();
  if (overall <= 2) return complaintTheme(random, answers);
  if (overall === 3) return u < 0.45 ? complaintTheme(random, answers) : u < 0.8 ? 'suggestion' : 'mild';
  return u < 0.7 ? 'positive' : u < 0.95 ? 'suggestion' : complaintTheme(random, answers);
}

function join(random: Random, first: string, second: string, english: boolean): string {
  const u = random();
  if (english) return u < 0.75 ? `${first}. ${second}` : `${first}.\n${second}`;
  if (u < 0.4) return `${first}。${second}`;
  if (u < 0.55) return `${first}；${second}`;
  if (u < 0.75) return `${first}，${second}`;
  if (u < 0.9) return `${first}\n${second}`;
  return `1. ${first}\n2. ${second}`;
}

/** A comment for these answers, or '' when the respondent leaves the box empty. */
export function drawComment(random: Random, answers: Answers, english: boolean): string {
  const overall = answers.overall ?? 3;
  const rate = overall <= 2 ? COMMENT_RATE.low : overall === 3 ? COMMENT_RATE.middle : COMMENT_RATE.high;
  if (random() >= rate) return '';
  // A few Chinese respondents write in English too.
  const inEnglish = english || random() < 0.04;
  const phrases = inEnglish ? EN : ZH;
  const first = pick(random, phrases[themeFor(random, answers)]);
  let text = first;
  if (random() < 0.4) {
    const second = pick(random, phrases[themeFor(random, answers)]);
    if (second !== first) text = join(random, first, second, inEnglish);
  }
  const end = random();
  if (inEnglish) return end < 0.5 ? `${text}.` : text;
  return end < 0.4 ? `${text}。` : end < 0.45 ? `${text}！` : text;
}
