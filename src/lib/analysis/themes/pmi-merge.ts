/**
 * Learns word pairs that belong together (发|货 → 发货, "customer service") from how often
 * they stand side by side, and merges them.
 *
 * Pointwise mutual information, in bits: PMI(a, b) = log₂( P(a b) / (P(a)·P(b)) ), with
 * P(a) = count(a) / N over all N words and P(a b) = count(a b) / M over all M adjacent
 * pairs. Pairs are counted within runs of neighbouring words only (see tokenize.ts), so a
 * pair never spans punctuation, a dropped word or two comments. PMI overrates rare pairs,
 * hence the minimum count.
 */

export interface PmiOptions {
  /** Least times a pair must occur. Default 5. */
  minCount?: number;
  /** Least PMI in bits (3 = eight times more often than chance). Default 3. */
  minPmi?: number;
  /** Words that are whole terms already (the dictionary): never joined to a neighbour. */
  whole?: Iterable<string>;
}

export interface PmiBigram {
  first: string;
  second: string;
  /** The merged term: CJK halves joined directly, others with a space. */
  merged: string;
  count: number;
  pmi: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Joins two words: without a space between CJK characters, with one otherwise. */
export function joinWords(first: string, second: string): string {
  const last = [...first].at(-1) ?? '';
  const next = [...second][0] ?? '';
  return CJK.test(last) && CJK.test(next) ? first + second : `${first} ${second}`;
}

/** Pairs with count ≥ minCount and PMI ≥ minPmi, strongest first (ties by merged term). */
export function learnPmiBigrams(
  runs: readonly (readonly string[])[],
  { minCount = 5, minPmi = 3, whole = [] }: PmiOptions = {},
): PmiBigram[] {
  const keepWhole = new Set(whole);
  if (!(minCount >= 1)) throw new Error(`PMI merge: minCount is ${minCount}; must be ≥ 1`);
  if (!Number.isFinite(minPmi)) throw new Error(`PMI merge: minPmi is ${minPmi}; must be a finite number`);
  const unigrams = new Map<string, number>();
  // Pairs in nested maps (first → second → count): no key string per adjacent pair.
  const pairs = new Map<string, Map<string, number>>();
  let words = 0;
  let adjacent = 0;
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      unigrams.set(run[i], (unigrams.get(run[i]) ?? 0) + 1);
      words++;
      if (i + 1 < run.length) {
        let seconds = pairs.get(run[i]);
        if (!seconds) pairs.set(run[i], (seconds = new Map()));
        seconds.set(run[i + 1], (seconds.get(run[i + 1]) ?? 0) + 1);
        adjacent++;
      }
    }
  }
  const out: PmiBigram[] = [];
  for (const [first, seconds] of pairs) {
    for (const [second, count] of seconds) {
      if (count < minCount || keepWhole.has(first) || keepWhole.has(second)) continue;
      const pmi = Math.log2(((count / adjacent) * words * words) / ((unigrams.get(first) ?? 0) * (unigrams.get(second) ?? 0)));
      if (pmi >= minPmi) out.push({ first, second, merged: joinWords(first, second), count, pmi });
    }
  }
  return out.sort((a, b) => b.pmi - a.pmi || (a.merged < b.merged ? -1 : a.merged > b.merged ? 1 : 0));
}

/** Learned pairs by first then second word, for merging many runs. */
export type BigramIndex = ReadonlyMap<string, ReadonlyMap<string, PmiBigram>>;

export function bigramIndex(bigrams: readonly PmiBigram[]): BigramIndex {
  const index = new Map<string, Map<string, PmiBigram>>();
  for (const b of bigrams) {
    let seconds = index.get(b.first);
    if (!seconds) index.set(b.first, (seconds = new Map()));
    if (!seconds.has(b.second)) seconds.set(b.second, b);
  }
  return index;
}

/**
 * Merges learned pairs in a run, left to right. Where two pairs overlap (a b c with both
 * a b and b c learned), the one with the higher PMI wins; a tie goes to the left pair.
 * Each word joins at most one pair (no chains of three). Pass a bigramIndex when merging
 * many runs with the same pairs.
 */
export function mergeBigrams(run: readonly string[], bigrams: readonly PmiBigram[] | BigramIndex): string[] {
  const index = Array.isArray(bigrams) ? bigramIndex(bigrams) : (bigrams as BigramIndex);
  const out: string[] = [];
  for (let i = 0; i < run.length; i++) {
    const here = i + 1 < run.length ? index.get(run[i])?.get(run[i + 1]) : undefined;
    const next = here && i + 2 < run.length ? index.get(run[i + 1])?.get(run[i + 2]) : undefined;
    if (here && (!next || here.pmi >= next.pmi)) {
      out.push(here.merged);
      i++;
    } else {
      out.push(run[i]);
    }
  }
  return out;
}
