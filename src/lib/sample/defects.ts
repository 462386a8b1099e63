/**
 * The flaws a real export has, planted on purpose: labels the scale does not know, a few
 * exactly repeated rows, numbers out of range, an unparseable date (rejected rows for the
 * data-quality page), and comments with phone numbers or e-mail addresses (valid rows whose
 * personal data the site must mask).
 */
import type { Random } from '../util/random';
import { RESPONSE_HEADER } from './responses';
import { ITEMS } from './spec';

export type DefectKind = 'unknown label' | 'duplicate id' | 'out of range' | 'unparseable date' | 'personal data';

export interface PlantedDefect {
  kind: DefectKind;
  /** Quarter index (file) and response id of the affected row. */
  quarter: number;
  id: string;
  column: string;
  value: string;
}

const UNKNOWN_LABELS = ['满意度高', 'Very Good', '还行吧', 'excellent', '5分'];
const OUT_OF_RANGE: readonly [string, string][] = [
  ['推荐意愿', '11'],
  ['解决问题的容易程度', '8'],
];
const BAD_DATE = '#VALUE!';
const DUPLICATES = 3;
/** Fictitious contacts (example.com/.cn domains, test-style numbers). */
export const PERSONAL_COMMENTS = [
  '请联系我 13812345678',
  'mail me at li.wei@example.com',
  '发票问题请打座机 021-55556666 找财务张女士',
  '工单一直没人处理，我的邮箱 zhangmin_hr@example.cn，请尽快回复',
  '价格能不能再优惠一点？电话：139 0013 8000',
  'Please call +86 138-0013-8000 about the renewal, the price is too high',
];

const column = (name: string) => RESPONSE_HEADER.indexOf(name);
const LABEL_COLUMNS = [...ITEMS.map((item) => item.column), '总体满意度'];

/**
 * Plant the defects into the quarters' rows (changed in place) and list them.
 * Every planted row is a different response, so each rejected row has one reason.
 */
export function plantDefects(random: Random, quarters: string[][][]): PlantedDefect[] {
  const taken = new Set<string>();
  const planted: PlantedDefect[] = [];
  const anyRow = (): [number, number] => {
    for (;;) {
      const q = Math.floor(random() * quarters.length);
      const r = Math.floor(random() * quarters[q].length);
      const key = `${q}/${r}`;
      if (!taken.has(key)) {
        taken.add(key);
        return [q, r];
      }
    }
  };
  const set = (kind: DefectKind, name: string, value: string) => {
    const [q, r] = anyRow();
    quarters[q][r][column(name)] = value;
    planted.push({ kind, quarter: q, id: quarters[q][r][0], column: name, value });
  };

  UNKNOWN_LABELS.forEach((label, i) => set('unknown label', LABEL_COLUMNS[(i * 3) % LABEL_COLUMNS.length], label));
  for (const [name, value] of OUT_OF_RANGE) set('out of range', name, value);
  set('unparseable date', '提交时间', BAD_DATE);
  for (const text of PERSONAL_COMMENTS) set('personal data', '意见与建议', text);

  // Repeated rows last, inserted a few rows after their original, from the end backwards
  // so earlier positions stay valid.
  const inserts = Array.from({ length: DUPLICATES }, () => anyRow()).sort((x, y) => y[0] - x[0] || y[1] - x[1]);
  for (const [q, r] of inserts) {
    const copy = quarters[q][r].slice();
    const at = Math.min(quarters[q].length, r + 2 + Math.floor(random() * 30));
    quarters[q].splice(at, 0, copy);
    planted.push({ kind: 'duplicate id', quarter: q, id: copy[0], column: '答卷编号', value: copy[0] });
  }
  return planted;
}
