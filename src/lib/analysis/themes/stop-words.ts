/**
 * Word lists for comment mining. The generic lists (stopwords-iso, zh + en) are built for
 * prose and drop words that carry satisfaction ("good", "problem", 好, 一般); KEEP_WORDS
 * puts those back. EXTRA_STOP_WORDS adds survey filler ("无", "n/a", 感觉).
 * DEFAULT_DICTIONARY holds service terms Intl.Segmenter splits too finely (客|服, 售|后).
 */
import { createRequire } from 'node:module';

// Required, not imported: a JSON import needs an import attribute in plain Node (compiled
// runs) and would be inlined (174 KB, 60 languages) by a bundler.
const stopwordsIso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

export const KEEP_WORDS: readonly string[] = [
  // en: words stopwords-iso lists that name a service quality or a pain point
  'good', 'great', 'better', 'best', 'well', 'ok', 'okay', 'problem', 'problems', 'help',
  'thank', 'thanks', 'useful', 'important', 'long', 'quickly', 'clear', 'right', 'free',
  'high', 'low', 'new', 'old', 'big', 'small', 'order', 'orders', 'ordered', 'value',
  'information', 'call', 'work', 'works', 'working', 'worked',
  // zh
  '好', '一般', '可以', '大', '小', '多',
];

export const EXTRA_STOP_WORDS: readonly string[] = [
  // zh survey filler and "no comment" answers
  '的', '了', '是', '在', '和', '与', '及', '啊', '吧', '呢', '吗', '哦', '嗯', '呀', '啦',
  '我的', '你的', '我们', '你们', '他们', '这个', '那个', '一下', '有点', '感觉', '觉得', '就是', '还是',
  '比较', '非常', '特别', '真的', '一直', '已经', '然后', '但是', '因为', '所以', '如果',
  '没有', '没', '无', '暂无', '其他', '其它',
  // en
  'really', 'just', 'very', 'also', 'pretty', 'na', 'n/a', 'none', 'nothing', 'nil', 'null',
];

export const DEFAULT_DICTIONARY: readonly string[] = [
  '客服', '售后', '性价比', '退换货', '发货', '满意度',
  '不满意', '不及时', '不专业', '不方便', '不清楚',
];

const iso = stopwordsIso as unknown as Record<string, string[]>;

/** The default stop-word set: stopwords-iso zh + en, plus EXTRA_STOP_WORDS, minus KEEP_WORDS. */
export function defaultStopWords(): Set<string> {
  const keep = new Set(KEEP_WORDS);
  return new Set([...iso.zh, ...iso.en, ...EXTRA_STOP_WORDS].filter((w) => !keep.has(w)));
}
