/**
 * Masks personal data in free text before it can reach a page: e-mail addresses, phone
 * numbers, Chinese resident ID numbers, and any other run of 7 or more digits.
 *
 * Matching runs on an NFKC form of the text (full-width ０-９, ＠, ＋ and the like become
 * ASCII), but the text outside a match keeps its original characters, so a quote still
 * reads as the customer wrote it. Earlier kinds win where matches overlap:
 * email → id → phone → number. Masking errs towards masking: a date such as 2024-03-05
 * (8 digits) becomes [number].
 */

export type PiiKind = 'email' | 'id' | 'phone' | 'number';

export interface PiiSpan {
  kind: PiiKind;
  /** Offsets in the original text, end exclusive (UTF-16 code units). */
  start: number;
  end: number;
}

export const DEFAULT_MASKS: Readonly<Record<PiiKind, string>> = {
  email: '[email]',
  id: '[id]',
  phone: '[phone]',
  number: '[number]',
};

// A separator inside a number: spaces, or one dash/dot with optional spaces around it.
const SEP = String.raw`(?:[ \t]*[-\u2010-\u2015\u2212.][ \t]*|[ \t]+)?`;
const D = String.raw`\d`;

const PATTERNS: readonly { kind: PiiKind; re: RegExp; minDigits?: number }[] = [
  // Local part: RFC 5322 dot-atom characters, possibly empty so "张三@qq.com" still loses its domain.
  {
    kind: 'email',
    re: /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g,
  },
  // Resident ID (GB 11643-1999): 17 digits and a check character 0-9 or X.
  { kind: 'id', re: /(?<!\d)[1-9]\d{16}[\dXx](?![\dA-Za-z])/g },
  // Mainland mobile: optional +86 / 0086 / (+86), then 1[3-9] and 9 more digits, any grouping.
  {
    kind: 'phone',
    re: new RegExp(String.raw`(?<![\d+])(?:\(?(?:\+|00)86\)?[ \t-]*)?1[3-9](?:${SEP}${D}){9}(?!\d)`, 'g'),
  },
  // Service numbers 400-xxx-xxxx and 800-xxx-xxxx.
  { kind: 'phone', re: new RegExp(String.raw`(?<!\d)[48]00${SEP}\d{3}${SEP}\d{4}(?!\d)`, 'g') },
  // Landline: area code 0xx or 0xxx (maybe in brackets), then a 7–8 digit local number.
  { kind: 'phone', re: new RegExp(String.raw`(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})${SEP}[2-9]\d{2,3}${SEP}\d{4}(?!\d)`, 'g') },
  // International: +CC and 1–4 digit groups; at least 7 digits in all.
  {
    kind: 'phone',
    re: new RegExp(String.raw`\+\d{1,3}(?:${SEP}\(?\d{1,4}\)?){1,6}(?!\d)`, 'g'),
    minDigits: 7,
  },
  { kind: 'number', re: new RegExp(String.raw`(?<!\d)\d(?:${SEP}${D}){6,}(?!\d)`, 'g') },
];

const MAY_HOLD_PII = /[0-9@]/;
/**
 * A character that is an ASCII digit or '@', or outside the ranges whose NFKC forms hold
 * neither (ASCII, general and CJK punctuation, CJK ideographs, full-width punctuation; a test
 * checks every code point of them). Text without one needs no normalizing to be cleared.
 */
export const NOT_PLAINLY_CLEAR = /[0-9@]|[^\x00-\x7f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff1f]/;

/** Where personal data sits in `text`, in order of position. */
export function findPii(text: string): PiiSpan[] {
  // Every pattern needs an ASCII digit or '@' after NFKC: most comments have neither, and
  // one native normalize is far cheaper than the per-character mapping below.
  if (!NOT_PLAINLY_CLEAR.test(text) || !MAY_HOLD_PII.test(text.normalize('NFKC'))) return [];
  const { normalized, start, end } = normalizeWithOffsets(text);
  // Claimed characters are blanked with U+0000 so later patterns can neither reuse nor straddle them.
  let working = normalized;
  const spans: PiiSpan[] = [];
  for (const { kind, re, minDigits = 0 } of PATTERNS) {
    re.lastIndex = 0;
    const found: [number, number][] = [];
    for (const m of working.matchAll(re)) {
      if (countDigits(m[0]) < minDigits) continue;
      found.push([m.index, m.index + m[0].length]);
    }
    for (const [s, e] of found) {
      spans.push({ kind, start: start[s], end: end[e - 1] });
      working = working.slice(0, s) + '\u0000'.repeat(e - s) + working.slice(e);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` with each piece of personal data replaced by its mask (default `[email]`, `[phone]`, `[id]`, `[number]`). */
export function maskPii(text: string, masks: Partial<Record<PiiKind, string>> = {}): string {
  const labels = { ...DEFAULT_MASKS, ...masks };
  let out = '';
  let at = 0;
  for (const span of findPii(text)) {
    out += text.slice(at, span.start) + labels[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * NFKC one code point at a time, remembering for each normalized code unit the original
 * code point it came from, so a match can be mapped back to the original text.
 */
function normalizeWithOffsets(text: string): { normalized: string; start: number[]; end: number[] } {
  let normalized = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC');
    for (let k = 0; k < n.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    normalized += n;
    i += ch.length;
  }
  return { normalized, start, end };
}

function countDigits(s: string): number {
  let n = 0;
  for (const c of s) if (c >= '0' && c <= '9') n++;
  return n;
}
