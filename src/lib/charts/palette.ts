/**
 * Shared colours. Every palette keeps lightness varying between neighbours so charts still
 * read when printed in greyscale; segments are also separated by white strokes.
 * Diverging colours are ColorBrewer RdBu (Cynthia Brewer, colorbrewer2.org) with the
 * near-white middle replaced by a grey whose CIE L* differs from its neighbours by ≥ 10.
 */

const RDBU: Record<number, readonly string[]> = {
  2: ['#ef8a62', '#67a9cf'],
  3: ['#ef8a62', '#dcdcdc', '#67a9cf'],
  4: ['#ca0020', '#f4a582', '#92c5de', '#0571b0'],
  5: ['#ca0020', '#f4a582', '#e6e6e6', '#92c5de', '#0571b0'],
  6: ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'],
  7: ['#b2182b', '#ef8a62', '#fddbc7', '#bdbdbd', '#d1e5f0', '#67a9cf', '#2166ac'],
  8: ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
  9: ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#bdbdbd', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
  10: ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'],
  11: ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#bdbdbd', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'],
};

export const DIVERGING_LEVELS = { min: 2, max: 11 } as const;

/** Red (most negative) → grey (neutral, odd k) → blue (most positive), k levels. */
export function divergingPalette(k: number): readonly string[] {
  const colors = RDBU[k];
  if (!colors) {
    throw new Error(`invalid number of scale levels: ${k}; allowed: ${DIVERGING_LEVELS.min}–${DIVERGING_LEVELS.max}`);
  }
  return colors;
}

/** Sequential light → dark blue; interpolated in HCL so lightness falls evenly and hue stays blue. */
export const SEQUENTIAL = { light: '#f7fbff', dark: '#08306b' } as const;

/** Single-series marks: line, dots and bars. */
export const INK = {
  primary: '#2166ac', // L* 43
  primaryBand: '#9ecae1', // L* 79, drawn translucent behind the line
  negative: '#ef8a62', // L* 68, for bars below zero
  alert: '#b2182b', // L* 38, paired with a distinct symbol or dash so it is not colour-only
  reference: '#4a4a4a', // rules: targets, means, action dates
  muted: '#767676',
  frame: '#d0d0d0',
  textDark: '#1a1a1a',
  textLight: '#ffffff',
  separator: '#ffffff',
} as const;

/**
 * Hatch for suppressed cells. The renderer injects the pattern <defs> when a chart uses it,
 * so chart modules never touch the DOM.
 */
export const HATCH_ID = 'hatch';
export const HATCH_FILL = `url(#${HATCH_ID})`;
export const HATCH = { background: '#f0f0f0', stroke: '#9e9e9e' } as const;

/** System fonts first, then common CJK faces, so Chinese labels never fall back to boxes. */
export const FONT_FAMILY = 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
