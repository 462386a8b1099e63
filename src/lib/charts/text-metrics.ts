/**
 * Text width estimates for layout decided before Plot renders (margins, label placement).
 * There is no font engine at build time, so widths are estimated from character classes:
 * CJK and other full-width characters ~1 em, everything else ~0.6 em (generous for Latin).
 */

/** Plot's default font size in px; charts that lay out text assume it. */
export const FONT_SIZE = 10;

const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0xa4cf], // CJK radicals, symbols and punctuation, kana, Bopomofo, CJK ideographs, Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // full-width forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1faff], // emoji render about 1 em wide
  [0x20000, 0x3fffd], // CJK extension planes
];

export function isWideCodePoint(codePoint: number): boolean {
  return WIDE_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/** Width in em: 1 per wide character, 0.6 per other character. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += isWideCodePoint(ch.codePointAt(0)!) ? 1 : 0.6;
  return ems;
}

export function estimateTextWidth(text: string, fontSize = FONT_SIZE): number {
  return textEms(text) * fontSize;
}

/** Cuts text to fit maxWidth px, ending with "…" when anything was cut. */
export function truncateToWidth(text: string, maxWidth: number, fontSize = FONT_SIZE): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const budget = maxWidth / fontSize - 1; // leave room for the ellipsis (~1 em)
  let ems = 0;
  let out = '';
  for (const ch of text) {
    const w = isWideCodePoint(ch.codePointAt(0)!) ? 1 : 0.6;
    if (ems + w > budget) break;
    ems += w;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Left margin that fits the longest of `labels` next to a y axis (tick length + padding),
 * clamped to [min, max]; labels longer than `max` are truncated by the chart.
 */
export function marginForLabels(
  labels: readonly string[],
  { min = 40, max = 260, fontSize = FONT_SIZE }: { min?: number; max?: number; fontSize?: number } = {},
): number {
  const longest = Math.max(0, ...labels.map((l) => estimateTextWidth(l, fontSize)));
  return Math.min(max, Math.max(min, Math.ceil(longest + 14)));
}

/**
 * Charts drawn narrower than this are phone copies (renderChartPair's `narrow`). Some lay out
 * differently there; every page width (520 px and up) keeps its layout.
 */
export const PHONE_WIDTH = 480;

/**
 * Widest left margin for category labels: `share` of the width, and on a phone chart at least
 * 45 %, since there a cut-off name costs the reader more than shorter bars do.
 */
export function labelMarginMax(width: number, share: number): number {
  return Math.round(width * (width < PHONE_WIDTH ? Math.max(share, 0.45) : share));
}
