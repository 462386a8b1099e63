/**
 * Which terms mark one group of comments against another: the log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' words",
 * Political Analysis 16(4), 372–403):
 *
 *   δ_w = log((yᵢ+α_w)/(nᵢ+α₀−yᵢ−α_w)) − log((yⱼ+α_w)/(nⱼ+α₀−yⱼ−α_w))
 *   Var(δ_w) ≈ 1/(yᵢ+α_w) + 1/(yⱼ+α_w),   z = δ_w / √Var
 *
 * yᵢ is the term's count in group i, nᵢ the sum of all counts in group i. The prior
 * shrinks rare terms towards no difference: α_w = α₀ · (background count of w) / (sum of
 * background counts), the background being the whole corpus. α₀ defaults to the
 * background total, so α_w is simply the term's count in the whole corpus (the usual
 * choice in implementations of Monroe et al.): the prior grows with the survey, always
 * weighs as much as the data, and shrinks every δ by a similar factor at any corpus size.
 * A fixed α₀ (e.g. 500) instead swamps small surveys and fades in large ones.
 *
 * Counts may be tokens or documents; themes.ts passes document counts (comments
 * containing the term), so one long rant cannot carry a term alone.
 */

export interface LogOddsOptions {
  /** Counts per term in the whole corpus for the prior; default: group i + group j. */
  background?: ReadonlyMap<string, number>;
  /** α₀, total prior pseudo-count. Default: the background total (α_w = background count). */
  alpha0?: number;
  /** Least yᵢ + yⱼ for a term to be scored (e.g. comments containing it). Default 3. */
  minCount?: number;
}

export interface LogOddsRow {
  term: string;
  /** yᵢ and yⱼ. */
  countI: number;
  countJ: number;
  /** α_w. */
  alpha: number;
  /** δ_w: > 0 means the term is relatively more frequent in group i. */
  delta: number;
  variance: number;
  z: number;
}

/** Scores every term seen at least `minCount` times in the two groups; sorted by z, highest first, ties by term. */
export function logOddsDirichlet(
  countsI: ReadonlyMap<string, number>,
  countsJ: ReadonlyMap<string, number>,
  { background, alpha0: alpha0Option, minCount = 3 }: LogOddsOptions = {},
): LogOddsRow[] {
  if (alpha0Option !== undefined && (!(alpha0Option > 0) || !Number.isFinite(alpha0Option))) {
    throw new Error(`log-odds: alpha0 is ${alpha0Option}; must be a finite number > 0`);
  }
  for (const [name, counts] of [['group i', countsI], ['group j', countsJ], ['background', background ?? new Map()]] as const) {
    for (const [term, c] of counts) {
      if (!(c >= 0) || !Number.isFinite(c)) throw new Error(`log-odds: ${name} count of "${term}" is ${c}; must be a finite number ≥ 0`);
    }
  }
  const prior = background ?? sumCounts(countsI, countsJ);
  const priorTotal = total(prior);
  // With one term the prior puts all of α₀ on it and the odds' denominators reach 0.
  const priorTerms = [...prior.values()].filter((c) => c > 0).length;
  if (priorTerms < 2) {
    throw new Error(`log-odds: the background has ${priorTerms} term(s) with a count; need at least 2 to compare odds`);
  }
  const alpha0 = alpha0Option ?? priorTotal;
  const nI = total(countsI);
  const nJ = total(countsJ);

  const rows: LogOddsRow[] = [];
  for (const term of new Set([...countsI.keys(), ...countsJ.keys()])) {
    const yI = countsI.get(term) ?? 0;
    const yJ = countsJ.get(term) ?? 0;
    if (yI + yJ < minCount || yI + yJ === 0) continue;
    const priorCount = prior.get(term) ?? 0;
    if (!(priorCount > 0)) {
      throw new Error(`log-odds: "${term}" has no background count; the background must cover every compared term`);
    }
    const alpha = (alpha0 * priorCount) / priorTotal;
    const delta = Math.log((yI + alpha) / (nI + alpha0 - yI - alpha)) - Math.log((yJ + alpha) / (nJ + alpha0 - yJ - alpha));
    const variance = 1 / (yI + alpha) + 1 / (yJ + alpha);
    rows.push({ term, countI: yI, countJ: yJ, alpha, delta, variance, z: delta / Math.sqrt(variance) });
  }
  return rows.sort((a, b) => b.z - a.z || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

function sumCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(a);
  for (const [term, c] of b) out.set(term, (out.get(term) ?? 0) + c);
  return out;
}

function total(counts: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const c of counts.values()) s += c;
  return s;
}
