/** The field delimiters csat-report reads, in tie-break order. */
export type Delimiter = ',' | '\t' | ';' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

/**
 * Guesses the delimiter from the header line: the candidate that occurs most often outside
 * quotes (ties go to the earlier one in DELIMITERS; none at all means a one-column file,
 * read as comma-separated). Only the header is looked at, so a comment full of semicolons
 * cannot change the answer.
 */
export function sniffDelimiter(bytes: Uint8Array): Delimiter {
  const counts = [0, 0, 0, 0];
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  let inQuotes = false;
  let atFieldStart = true;
  let i = 0;
  while (bytes[i] === 0x0a || bytes[i] === 0x0d) i++; // leading blank lines are skipped by the parser too
  for (; i < bytes.length; i++) {
    const c = bytes[i];
    if (inQuotes) {
      if (c === 0x22) {
        if (bytes[i + 1] === 0x22) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x22 && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      continue;
    }
    const k = codes.indexOf(c);
    if (k >= 0) {
      counts[k]++;
      atFieldStart = true;
    } else atFieldStart = false;
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DELIMITERS[best];
}
