import { describe, expect, it } from 'vitest';
import { DIVERGING_LEVELS, INK, divergingPalette } from '../../../src/lib/charts/palette';

/**
 * CIE L* of an sRGB colour: linearise each channel (IEC 61966-2-1), Y = 0.2126 R + 0.7152 G
 * + 0.0722 B (Rec. 709 primaries, D65), L* = 116·∛Y − 16 (CIE 1976, for Y > 216/24389).
 * Greyscale printing keeps roughly L*, so neighbours must differ in it.
 */
function lightness(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

describe('lightness helper', () => {
  it('matches known L* values', () => {
    expect(lightness('#ffffff')).toBeCloseTo(100, 6);
    expect(lightness('#000000')).toBeCloseTo(0, 6);
    expect(lightness('#777777')).toBeCloseTo(50.03, 1); // mid grey, L* ≈ 50 (CIE 1976 tables)
  });
});

describe('divergingPalette', () => {
  for (let k = DIVERGING_LEVELS.min; k <= DIVERGING_LEVELS.max; k++) {
    it(`has ${k} colours whose neighbours on each side of zero differ by ≥ 10 L*`, () => {
      const colors = divergingPalette(k);
      expect(colors).toHaveLength(k);
      const half = Math.floor(k / 2);
      // Pairs that sit next to each other in a bar. For an even scale the two middle
      // levels meet at zero from opposite sides and share a lightness by design.
      for (let i = 0; i + 1 < k; i++) {
        if (k % 2 === 0 && i === half - 1) continue;
        expect(Math.abs(lightness(colors[i]) - lightness(colors[i + 1]))).toBeGreaterThanOrEqual(10);
      }
      // Lightness rises from each end toward the centre (darkest = strongest opinion).
      if (half >= 2) {
        expect(lightness(colors[0])).toBeLessThan(lightness(colors[half - 1]));
        expect(lightness(colors[k - 1])).toBeLessThan(lightness(colors[k - half]));
      }
    });
  }

  it('rejects an unsupported number of levels', () => {
    expect(() => divergingPalette(12)).toThrow('invalid number of scale levels: 12; allowed: 2–11');
    expect(() => divergingPalette(1)).toThrow('invalid number of scale levels: 1');
  });

  it('keeps the alert colour darker than the primary so they differ in greyscale', () => {
    expect(lightness(INK.primary) - lightness(INK.alert)).toBeGreaterThanOrEqual(4);
  });
});
