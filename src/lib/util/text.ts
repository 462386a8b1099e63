/** NFKC + trim (full-width spaces included) + lower-case: how labels, headers and codes are compared. */
export function normalizeLabel(value: string, lowerCase = true): string {
  const s = value.normalize('NFKC').replace(/^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/g, '');
  return lowerCase ? s.toLowerCase() : s;
}
