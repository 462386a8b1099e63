/**
 * How an answer appears in the survey tool's export: 5-point items as labels (Chinese, or
 * English for the English questionnaire), missing answers as 不适用 / 不清楚 / N/A or blank,
 * numbers as digits, and a few end points of the ease scale as their labels.
 */
import type { Random } from '../util/random';
import type { Renewal } from './answers';

const SAT5_ZH = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
const SAT5_EN = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

function missingText(random: Random, english: boolean): string {
  const u = random();
  if (english) return u < 0.7 ? 'N/A' : '';
  return u < 0.7 ? '不适用' : u < 0.95 ? '' : '不清楚';
}

/** A 1–5 answer as its label; null as a missing code or blank. */
export function sat5Text(random: Random, value: number | null, english: boolean): string {
  if (value === null) return missingText(random, english);
  return (english ? SAT5_EN : SAT5_ZH)[value - 1];
}

/** A 0–10 answer as digits; null as blank. */
export function npsText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** A 1–7 ease answer as digits, sometimes its end-point label; null as blank or 不适用. */
export function cesText(random: Random, value: number | null, english: boolean): string {
  if (value === null) return english || random() < 0.6 ? '' : '不适用';
  if (!english && value === 7 && random() < 0.25) return '非常容易';
  if (!english && value === 1 && random() < 0.4) return '非常困难';
  return String(value);
}

/** 是 / 否 / 不确定 (English questionnaire: yes / no, unsure left blank). */
export function renewalText(value: Renewal | null, english: boolean): string {
  if (value === null) return '';
  if (!english) return value;
  return value === '是' ? 'yes' : value === '否' ? 'no' : '';
}
