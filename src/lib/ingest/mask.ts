/**
 * Hides e-mail addresses, phone numbers, ID numbers and long digit runs in a cell value before it is kept in a rejected
 * row (the data-quality page and `validate` show those values), and shortens long values.
 * Dates and small numbers are left alone: the patterns want an @, or phone-like digit groups.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONES = [
  /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g, // Chinese mobile
  /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g, // Chinese landline with area code
  /\+\d{1,3}[\s-]?(?:\(\d{1,4}\)[\s-]?)?\d{2,4}(?:[\s-]?\d{2,4}){1,3}(?!\d)/g, // international
  /(?<!\d)\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)/g, // North American
];

// Resident ID numbers (18 characters, last may be X) and other long digit runs (bank cards,
// account numbers). Dates and codes with separators are left readable: they explain rejections.
const CN_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const LONG_DIGITS = /(?<!\d)\d{9,}(?!\d)/g;

export const MAX_SHOWN = 200;

export function maskPersonal(value: string): string {
  let out = value.replace(EMAIL, '[e-mail]').replace(CN_ID, '[id]');
  for (const p of PHONES) out = out.replace(p, '[phone]');
  return out.replace(LONG_DIGITS, '[number]');
}

/** Masked, and cut to MAX_SHOWN characters with the full length noted. */
export function shownValue(value: string): string {
  // Mask before cutting, so a cut cannot leave half an address that no longer matches.
  const masked = maskPersonal(value.length > 10_000 ? value.slice(0, 10_000) : value);
  return masked.length > MAX_SHOWN || value.length > 10_000 ? `${masked.slice(0, MAX_SHOWN)}… (${value.length} characters)` : masked;
}
