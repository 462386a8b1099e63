import type { Locale, Scale } from '../config';
import { normalizeLabel } from '../util/text';

/**
 * One answer cell → a scale value. The cell is NFKC-normalised, trimmed and lower-cased,
 * then, in this order:
 * - empty, or one of the scale's missing codes → missing (NaN), for this question only;
 * - a label of the scale (exact match: 满意 never matches 非常满意 or 不满意) → its value;
 * - a number: `4`, `+4`, `04`, full-width `４` (via NFKC) and `4.0` are 4; a number that is a
 *   missing code (e.g. 0 with `missing: [0]`) → missing; a whole number outside the scale or
 *   a fraction such as 4.5 (not a level of the scale) → 'out of range';
 * - a decimal comma (`4,5`) → 'not a number' (no locale guessing);
 * - anything else → 'unknown label' when the scale has labels, else 'not a number'.
 */
export type AnswerProblem = 'unknown label' | 'out of range' | 'not a number';

export interface Answer {
  /** NaN = missing (also NaN when there is a problem). */
  value: number;
  problem?: AnswerProblem;
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

export function interpretAnswer(raw: string, scale: Scale): Answer {
  const key = normalizeLabel(raw);
  if (key === '' || scale.missing.has(key)) return { value: NaN };
  const label = scale.labels.get(key);
  if (label !== undefined) return { value: label };
  if (NUMBER.test(key)) {
    const n = Number(key);
    if (scale.missing.has(String(n))) return { value: NaN };
    if (!Number.isInteger(n) || n < scale.min || n > scale.max) return { value: NaN, problem: 'out of range' };
    return { value: n };
  }
  if (DECIMAL_COMMA.test(key)) return { value: NaN, problem: 'not a number' };
  return { value: NaN, problem: scale.labels.size > 0 ? 'unknown label' : 'not a number' };
}

/** What a cell of this scale may hold, for rejection messages. */
export function expectedAnswer(scale: Scale, locale: Locale): string {
  const { labelled, missing } = answerChoices(scale, locale);
  const numbers = `a whole number ${scale.min}–${scale.max}`;
  return `${labelled.length ? `one of ${labelled.join(', ')} or ${numbers}` : numbers}; for no answer: ${['blank', ...missing].join(', ')}`;
}

/** The labels a cell may hold (highest value first; numbers-only levels left out) and the missing codes besides a blank. */
export function answerChoices(scale: Scale, locale: Locale): { labelled: string[]; missing: string[] } {
  const labelled: string[] = [];
  for (let v = scale.max; v >= scale.min; v--) {
    const label = scale.levelLabels[locale][v - scale.min];
    if (label !== String(v)) labelled.push(label);
  }
  return { labelled, missing: [...scale.missing] };
}

/**
 * Answer codes for a CodeBook: 0…(max − min) are the levels (value − min), then missing and
 * the problems; `problemOf[code]` is the problem of a code (undefined for levels and missing).
 */
export class AnswerCodes {
  readonly missing: number;
  readonly problemOf: (AnswerProblem | undefined)[];
  private readonly problemCode: Record<AnswerProblem, number>;

  constructor(readonly scale: Scale) {
    const levels = scale.max - scale.min + 1;
    this.missing = levels;
    this.problemCode = { 'unknown label': levels + 1, 'out of range': levels + 2, 'not a number': levels + 3 };
    this.problemOf = Array.from({ length: levels + 4 }, (_, code) => (Object.keys(this.problemCode) as AnswerProblem[]).find((p) => this.problemCode[p] === code));
  }

  /** The code of a raw cell (used as a CodeBook's resolver). */
  code = (raw: string): number => {
    const a = interpretAnswer(raw, this.scale);
    if (a.problem) return this.problemCode[a.problem];
    return Number.isNaN(a.value) ? this.missing : a.value - this.scale.min;
  };
}
