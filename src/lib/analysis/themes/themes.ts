/**
 * Comment themes: the terms that mark dissatisfied comments against satisfied ones (and
 * the reverse), each with how many comments in each group use it, its log-odds z, and a
 * few masked example quotes.
 *
 * Steps: mask personal data (so no address or number becomes a term) → tokenize with the
 * dictionary → learn and merge high-PMI pairs over all comments in scope → count each
 * term once per comment → log-odds with an informative Dirichlet prior, dissatisfied (i)
 * against satisfied (j), prior from all comments in scope ('other' included).
 */
import { logOddsDirichlet, type LogOddsRow } from './log-odds';
import { maskPii } from './mask-pii';
import { bigramIndex, learnPmiBigrams, mergeBigrams, type PmiBigram, type PmiOptions } from './pmi-merge';
import { createTokenizer, type Tokenizer, type TokenizerOptions } from './tokenize';

export type CommentGroup = 'dissatisfied' | 'satisfied' | 'other';

export interface SurveyComment {
  text: string;
  group: CommentGroup;
  period?: string;
}

export interface ThemeOptions extends TokenizerOptions {
  /** Only comments of this period; default all. */
  period?: string;
  /** Pair merging settings, or false to skip it. Default on with PmiOptions defaults. */
  pmi?: PmiOptions | false;
  /** α₀ of the log-odds prior. Default: the number of (comment, term) pairs in scope, so α_w = comments with w (see log-odds.ts). */
  alpha0?: number;
  /** Least comments (dissatisfied + satisfied) that must contain a term. Default 3. */
  minDocs?: number;
  /** Themes per side. Default 10. */
  top?: number;
  /** Example quotes per theme. Default 3. */
  quotes?: number;
  /**
   * Per comment, its word runs and its masked quote text, filled and reused across calls
   * that share it (commentCache()): a comment is then masked and tokenized once for all its
   * scopes. Only share it between calls with the same tokenizer options (locale,
   * dictionary, stop words).
   */
  cache?: CommentCache;
  /** A tokenizer made from these options (createTokenizer), shared by calls that would each make the same one. */
  tokenizer?: Tokenizer;
}

export interface Theme {
  term: string;
  side: 'dissatisfied' | 'satisfied';
  docsDissatisfied: number;
  docsSatisfied: number;
  delta: number;
  /** Dissatisfied against satisfied: > 0 on the dissatisfied side, < 0 on the satisfied side. */
  z: number;
  /** Masked, distinct comments of the theme's side containing the term: shortest first, ties by input order. */
  quotes: string[];
}

export interface Themes {
  /** Highest z first. */
  dissatisfied: Theme[];
  /** Lowest z first. */
  satisfied: Theme[];
  /** Non-blank comments analysed per group. */
  comments: Record<CommentGroup, number>;
  /** The pairs merged into single terms. */
  mergedPairs: PmiBigram[];
}

export interface CommentCache {
  runs: WeakMap<SurveyComment, string[][]>;
  quotes: WeakMap<SurveyComment, MaskedQuote>;
}

interface MaskedQuote {
  text: string;
  /** In code points. */
  length: number;
}

export function commentCache(): CommentCache {
  return { runs: new WeakMap(), quotes: new WeakMap() };
}

// Personal data becomes a space for tokenizing, so its pieces never turn into terms.
const BLANK_MASKS = { email: ' ', id: ' ', phone: ' ', number: ' ' };

export function findThemes(comments: readonly SurveyComment[], options: ThemeOptions = {}): Themes {
  const { period, pmi = {}, alpha0, minDocs = 3, top = 10, quotes = 3, cache = commentCache(), tokenizer: shared, ...tokenizerOptions } = options;
  for (const [name, value] of [['top', top], ['quotes', quotes]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`themes: ${name} is ${value}; must be a whole number ≥ 0`);
  }
  const tokenizer = shared ?? createTokenizer(tokenizerOptions);

  const docs: (SurveyComment & { index: number; source: SurveyComment })[] = [];
  comments.forEach((c, index) => {
    if ((period === undefined || c.period === period) && c.text.trim() !== '') docs.push({ text: c.text, group: c.group, period: c.period, index, source: c });
  });
  for (const d of docs) {
    if (d.group !== 'dissatisfied' && d.group !== 'satisfied' && d.group !== 'other') {
      throw new Error(`themes: comment ${d.index + 1} has group "${d.group}"; allowed: dissatisfied, satisfied, other`);
    }
  }
  const runsOf = (d: (typeof docs)[number]) => {
    let runs = cache.runs.get(d.source);
    if (!runs) {
      runs = tokenizer.runs(maskPii(d.text, BLANK_MASKS));
      cache.runs.set(d.source, runs);
    }
    return runs;
  };
  const runsPerDoc = docs.map(runsOf);
  // Dictionary terms are whole already: pair merging repairs over-split words, and joining
  // 价格|偏高 would split the mentions of 价格 across many phrases.
  const mergedPairs = pmi === false ? [] : learnPmiBigrams(allRuns(runsPerDoc), { whole: tokenizer.dictionary, ...pmi });
  const pairs = bigramIndex(mergedPairs);
  // Terms as numbers: each comment's distinct terms, and per term the comments that hold it.
  const termId = new Map<string, number>();
  const terms: string[] = [];
  const postings: number[][] = [];
  const counted: Record<CommentGroup, number[]> = { dissatisfied: [], satisfied: [], other: [] };
  const commentCounts: Record<CommentGroup, number> = { dissatisfied: 0, satisfied: 0, other: 0 };
  runsPerDoc.forEach((runs, k) => {
    const group = docs[k].group;
    commentCounts[group]++;
    for (const run of runs) {
      for (const term of mergeBigrams(run, pairs)) {
        let id = termId.get(term);
        if (id === undefined) {
          id = terms.push(term) - 1;
          termId.set(term, id);
          postings.push([]);
          // Packed arrays of numbers: holes would make them slow dictionaries.
          counted.dissatisfied.push(0);
          counted.satisfied.push(0);
          counted.other.push(0);
        }
        const list = postings[id];
        if (list[list.length - 1] === k) continue; // counted once per comment
        list.push(k);
        counted[group][id]++;
      }
    }
  });
  const toMap = (c: number[]) => new Map(terms.flatMap((t, id) => (c[id] ? [[t, c[id]] as [string, number]] : [])));
  const counts = { dissatisfied: toMap(counted.dissatisfied), satisfied: toMap(counted.satisfied) };
  const all = new Map(terms.map((t, id) => [t, postings[id].length]));

  // Fewer than two distinct terms leave nothing to compare (and no odds to form).
  const scored =
    all.size < 2 ? [] : logOddsDirichlet(counts.dissatisfied, counts.satisfied, { background: all, alpha0, minCount: minDocs });
  const theme = (row: LogOddsRow, side: Theme['side']): Theme => ({
    term: row.term,
    side,
    docsDissatisfied: row.countI,
    docsSatisfied: row.countJ,
    delta: row.delta,
    z: row.z,
    quotes: pickQuotes(row.term, side),
  });

  // A comment can quote several themes, in several scopes: mask it once (and measure it once).
  const maskedText = (k: number) => {
    const source = docs[k].source;
    let m = cache.quotes.get(source);
    if (m === undefined) {
      const text = maskPii(docs[k].text).trim();
      cache.quotes.set(source, (m = { text, length: codePoints(text) }));
    }
    return m;
  };
  function pickQuotes(term: string, group: CommentGroup): string[] {
    // Shortest first, ties in input order (docs are in input order): as numbers length · n + k,
    // sorted natively, since a frequent term has thousands of candidates.
    const n = docs.length;
    const order = Float64Array.from(postings[termId.get(term)!].filter((k) => docs[k].group === group), (k) => maskedText(k).length * n + k).sort();
    // "响应慢" and "响应慢。" are the same quote: distinct ignoring case, spaces and punctuation.
    const seen = new Set<string>();
    const out: string[] = [];
    for (const at of order) {
      if (out.length >= quotes) break;
      const text = maskedText(at % n).text;
      const key = text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, '');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(text);
    }
    return out;
  }

  return {
    dissatisfied: scored.filter((r) => r.z > 0).slice(0, top).map((r) => theme(r, 'dissatisfied')),
    satisfied: scored
      .filter((r) => r.z < 0)
      .sort((a, b) => a.z - b.z || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, top)
      .map((r) => theme(r, 'satisfied')),
    comments: commentCounts,
    mergedPairs,
  };
}

/** The runs of all comments in one list (a loop: Array.prototype.flat is slower here). */
function allRuns(runsPerDoc: readonly string[][][]): string[][] {
  const out: string[][] = [];
  for (const runs of runsPerDoc) for (const run of runs) out.push(run);
  return out;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
