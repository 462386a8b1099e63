/**
 * The helper thread's head start on the comment themes. Once it has handed over its rows,
 * the helper waits while the main thread finishes its own rows, replays the helper's parts
 * and picks the comments to analyse (about 0.2 s at a million responses). Meanwhile it
 * tokenizes the comments of its own rows that the sample would pick if the main thread had
 * no rows in their periods: exactly the ones picked when the threads read different periods
 * (files per quarter, or one file in time order), a guess otherwise.
 *
 * The themes job then takes these runs for the comments whose key (the helper's row number
 * and comment column: ThemesInput.sources) and text both match; every other comment is
 * tokenized there as before, so the themes are the same whatever the guess. Keys are rows,
 * not texts: a comment written twice is tokenized twice, as in the themes themselves.
 */
import type { SurveyConfig } from '../config/types';
import type { IngestPart } from '../ingest/part';
import { JoinedTexts } from '../ingest/text-column';
import { commentRuns } from '../analysis/themes/themes';
import { createTokenizer, type Tokenizer } from '../analysis/themes/tokenize';
import { commentGrouping } from './comment-groups';
import { surveyComments, themeTokenizerOptions, THEME_SAMPLE, type WarmRuns } from './themes';

export class ThemeWarmUp implements WarmRuns {
  private readonly parts: ReturnType<typeof copyOfPart>[];
  private texts: string[] = [];
  private made: (string[][] | undefined)[] = [];
  private readonly index = new Map<number, number>();
  private tokenizer?: Tokenizer;
  private next = -1; // −1: the comments are not picked yet

  /**
   * Copies what the pick reads from the helper's parts, in the order it hands them over
   * (their buffers then go to the main thread). Copying a few arrays is quicker than
   * picking, which the first step() does: the main thread gets the rows sooner.
   */
  constructor(
    parts: readonly IngestPart[],
    private readonly config: SurveyConfig,
    private readonly sample = THEME_SAMPLE,
  ) {
    const q = config.questions.findIndex((x) => x.id === commentGrouping(config).question);
    this.parts = parts.map((p) => copyOfPart(p, q));
  }

  get size(): number {
    return this.texts.length;
  }

  /** Tokenizes up to `count` more comments (picking them first); false once all are done. */
  step(count: number): boolean {
    if (this.next < 0) this.pick();
    const end = Math.min(this.texts.length, this.next + count);
    for (; this.next < end; this.next++) this.made[this.next] = commentRuns(this.tokenizer!, this.texts[this.next]);
    return this.next < this.texts.length;
  }

  runs(key: number, text: string): string[][] | undefined {
    const k = this.index.get(key);
    return k !== undefined && this.texts[k] === text ? this.made[k] : undefined;
  }

  private pick(): void {
    const parts = this.parts.splice(0);
    const rows = parts.reduce((n, p) => n + p.rows, 0);
    // The parts' period codes as one list of labels (the order does not matter to the sample).
    const labels: string[] = [];
    const labelIndex = new Map<string, number>();
    const period = new Int32Array(rows);
    const levels = new Uint8Array(rows);
    let at = 0;
    for (const p of parts) {
      const codes = p.periods.map(({ label }) => labelIndex.get(label) ?? labelIndex.set(label, labels.push(label) - 1).get(label)!);
      for (let r = 0; r < p.rows; r++) period[at + r] = codes[p.periodOf[r]];
      levels.set(p.levels, at);
      at += p.rows;
    }
    const comments = this.config.comments.map((_, j) => new JoinedTexts(parts.map((p) => ({ data: p.comments[j], rows: p.rows }))));
    const picked = surveyComments({ rows, comments }, this.config, commentGrouping(this.config), this.sample, { period, periods: labels, levels });
    this.texts = picked.comments.map((c) => c.text);
    this.made = new Array(this.texts.length);
    picked.at.forEach((key, k) => this.index.set(key, k));
    this.tokenizer = createTokenizer(themeTokenizerOptions(this.config));
    this.next = 0;
  }
}

/** A part's rows, periods, grouping answers (question q) and comments, as copies. */
function copyOfPart(p: IngestPart, q: number) {
  return {
    rows: p.rows,
    periods: p.periods,
    periodOf: p.periodOf.slice(0, p.rows),
    levels: p.levels[q].slice(0, p.rows),
    comments: p.comments.map((c) => ({ length: c.length, pool: c.pool.slice(), offsets: c.offsets.slice(0, c.length + 1) })),
  };
}
