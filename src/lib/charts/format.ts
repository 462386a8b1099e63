/** Locale-aware number formatting and caller-supplied text templates for chart labels. */

/** Formats with exactly `digits` decimals in the page's locale. */
export function numberFormat(locale: string, digits = 0): (value: number) => string {
  const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // Negative zero would print as "-0".
  return (value) => nf.format(Object.is(value, -0) ? 0 : value);
}

/** Formats a value already in percent units (42 → "42%"), in the page's locale. */
export function percentFormat(locale: string, digits = 0): (value: number) => string {
  const nf = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return (value) => nf.format(Object.is(value, -0) ? 0 : value / 100);
}

/**
 * Fills `{name}` placeholders from `values`, so callers pass whole phrases in their own
 * language and word order ("n={n}", "目标 {value}"). Unknown placeholders are an error.
 */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) {
      throw new Error(`unknown placeholder {${name}} in label "${template}"; allowed: ${Object.keys(values).map((k) => `{${k}}`).join(', ')}`);
    }
    return String(values[name]);
  });
}

/** Axis ticks: the locale's digits and separators, up to 3 decimals, as Intl decides. */
export function tickFormat(locale: string): (value: number) => string {
  const nf = new Intl.NumberFormat(locale);
  return (value) => nf.format(Object.is(value, -0) ? 0 : value);
}
