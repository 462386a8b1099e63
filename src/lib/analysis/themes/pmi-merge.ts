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
  const pairs = new Map<string, { first: string; second: string; count: number }>();
  let words = 0;
  let adjacent = 0;
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      unigrams.set(run[i], (unigrams.get(run[i]) ?? 0) + 1);
      words++;
      if (i + 1 < run.length) {
        const key = pairKey(run[i], run[i + 1]);
        const pair = pairs.get(key) ?? { first: run[i], second: run[i + 1], count: 0 };
        pair.count++;
        pairs.set(key, pair);
        adjacent++;
      }
    }
  }
  const out: PmiBigram[] = [];
  for (const { first, second, count } of pairs.values()) {
    if (count < minCount || keepWhole.has(first) || keepWhole.has(second)) continue;
    const pmi = Math.log2(((count / adjacent) * words * words) / ((unigrams.get(first) ?? 0) * (unigrams.get(second) ?? 0)));
    if (pmi >= minPmi) out.push({ first, second, merged: joinWords(first, second), count, pmi });
  }
  return out.sort((a, b) => b.pmi - a.pmi || (a.merged < b.merged ? -1 : a.merged > b.merged ? 1 : 0));
}

/**
 * Merges learned pairs in a run, left to right. Where two pairs overlap (a b c with both
 * a b and b c learned), the one with the higher PMI wins; a tie goes to the left pair.
 * Each word joins at most one pair (no chains of three).
 */
export function mergeBigrams(run: readonly string[], bigrams: readonly PmiBigram[]): string[] {
  const byKey = new Map(bigrams.map((b) => [pairKey(b.first, b.second), b]));
  const out: string[] = [];
  for (let i = 0; i < run.length; i++) {
    const here = i + 1 < run.length ? byKey.get(pairKey(run[i], run[i + 1])) : undefined;
    const next = i + 2 < run.length ? byKey.get(pairKey(run[i + 1], run[i + 2])) : undefined;
    if (here && (!next || here.pmi >= next.pmi)) {
      out.push(here.merged);
      i++;
    } else {
      out.push(run[i]);
    }
  }
  return out;
}

function pairKey(first: string, second: string): string {
  return `${first}\u0000${second}`;
}
