/**
 * Splits a comment into words with Intl.Segmenter (no server, Chinese and English alike),
 * then repairs what the segmenter splits too finely with a user dictionary, and drops
 * stop words, numbers, punctuation and single Latin letters.
 *
 * Dictionary merge: at each word, the longest dictionary entry that starts there and
 * reaches past it wins (greedy, left to right), so 客|服 → 客服 and 响应|速度 → 响应速度.
 * A match may end inside a Chinese word, which is then split: 性|价|比高 → 性价比|高.
 * Inside Latin words it may not ("customer service" never eats "services").
 * Dictionary terms are never dropped as stop words.
 *
 * `runs` keeps words that stood next to each other in the text (only white space between)
 * together; punctuation or a dropped word ends a run, so later bigram merging never joins
 * words that were not neighbours.
 */
import { DEFAULT_DICTIONARY, defaultStopWords } from './stop-words';

export interface TokenizerOptions {
  /** BCP 47 locale for the segmenter; Chinese is split by dictionary whatever the locale. Default 'zh'. */
  locale?: string;
  /** Terms to keep whole, e.g. from the survey definition (客服, 性价比, 响应速度). */
  dictionary?: readonly string[];
  /** Add the built-in DEFAULT_DICTIONARY to `dictionary`. Default true. */
  defaultDictionary?: boolean;
  /** Stop words to add to the default set. */
  stopWords?: readonly string[];
  /** Words never dropped, even if a stop-word list holds them. */
  keepWords?: readonly string[];
}

export interface Tokenizer {
  /** Runs of adjacent kept words. */
  runs(text: string): string[][];
  /** All kept words in order. */
  tokens(text: string): string[];
  /** The dictionary entries in use (normalised): whole terms, never split or joined. */
  dictionary: ReadonlySet<string>;
}

interface Word {
  text: string;
  start: number;
  end: number;
  fromDictionary: boolean;
}

const HAN = /\p{Script=Han}/u;
/** Most distinct words whose drop decision a tokenizer remembers. */
const MEMO_WORDS = 100_000;
const NUMBER_OR_SYMBOLS = /^[\p{N}\p{P}\p{S}]+$/u;
const SINGLE_LATIN = /^\p{Script=Latin}$/u;

/** NFKC, lower case, white space runs as one space: the form words are compared in. */
export function normalizeForTokens(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');
}

export function createTokenizer({
  locale = 'zh',
  dictionary = [],
  defaultDictionary = true,
  stopWords = [],
  keepWords = [],
}: TokenizerOptions = {}): Tokenizer {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const entries = [...new Set([...(defaultDictionary ? DEFAULT_DICTIONARY : []), ...dictionary].map(normalizeForTokens))]
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  // Entries by first character, longest first, for the greedy match.
  const byFirst = new Map<string, string[]>();
  for (const e of entries) byFirst.set(e[0], [...(byFirst.get(e[0]) ?? []), e]);
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

  const keep = new Set(keepWords.map(normalizeForTokens));
  const stop = new Set([...defaultStopWords(), ...stopWords].map(normalizeForTokens));
  for (const w of keep) stop.delete(w);

  // Whether a (non-dictionary) word is dropped, remembered: comments reuse a small vocabulary,
  // and a Map lookup is cheaper than a set lookup and two regular expressions.
  const dropped = new Map<string, boolean>();
  const drop = (w: Word) => {
    if (w.fromDictionary) return false;
    let d = dropped.get(w.text);
    if (d === undefined) {
      d = stop.has(w.text) || NUMBER_OR_SYMBOLS.test(w.text) || SINGLE_LATIN.test(w.text);
      if (dropped.size < MEMO_WORDS) dropped.set(w.text, d);
    }
    return d;
  };

  function runs(raw: string): string[][] {
    const text = normalizeForTokens(raw);
    const words = mergeDictionary(text, segment(segmenter, text), byFirst);
    const out: string[][] = [];
    let run: string[] = [];
    let prevEnd = -1;
    for (const w of words) {
      const adjacent = prevEnd >= 0 && text.slice(prevEnd, w.start).trim() === '';
      if (!adjacent && run.length > 0) {
        out.push(run);
        run = [];
      }
      if (drop(w)) {
        if (run.length > 0) out.push(run);
        run = [];
        prevEnd = -1;
        continue;
      }
      run.push(w.text);
      prevEnd = w.end;
    }
    if (run.length > 0) out.push(run);
    return out;
  }

  return { runs, tokens: (text) => runs(text).flat(), dictionary: new Set(entries) };
}

function segment(segmenter: Intl.Segmenter, text: string): Word[] {
  const words: Word[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike) words.push({ text: s.segment, start: s.index, end: s.index + s.segment.length, fromDictionary: false });
  }
  return words;
}

/** Greedy longest dictionary match over consecutive words (see the file comment). */
function mergeDictionary(text: string, words: Word[], byFirst: ReadonlyMap<string, readonly string[]>): Word[] {
  const out: Word[] = [];
  const queue = [...words];
  for (let i = 0; i < queue.length; i++) {
    const w = queue[i];
    const match = (byFirst.get(text[w.start]) ?? []).find((e) => text.startsWith(e, w.start) && fits(w.start + e.length, i));
    if (!match) {
      out.push(w);
      continue;
    }
    const end = w.start + match.length;
    out.push({ text: match, start: w.start, end, fromDictionary: true });
    // Skip the words the match covers; keep the rest of a word it ends inside.
    let j = i;
    while (j + 1 < queue.length && queue[j + 1].start < end) j++;
    if (queue[j].end > end) queue[j] = { ...queue[j], text: text.slice(end, queue[j].end), start: end };
    else j++;
    i = j - 1;
  }
  return out;

  /** A match ending at `end` may stop at a word end, or inside a word with Chinese at the cut. */
  function fits(end: number, i: number): boolean {
    for (let j = i; j < queue.length && queue[j].start < end; j++) {
      const w = queue[j];
      if (w.end === end) return true;
      if (w.end > end) return HAN.test(text[end - 1]) && HAN.test(text[end]);
    }
    return false;
  }
}
