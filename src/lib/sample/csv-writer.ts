/**
 * CSV text as RFC 4180 has it: a field is quoted when it holds the delimiter, a double
 * quote, a line break or edge white space; quotes inside are doubled. Optional BOM and
 * CRLF line ends reproduce what Excel writes for Chinese users.
 */

export interface CsvOptions {
  /** Line end between records (default "\n"). Line breaks inside fields are kept as they are. */
  eol?: '\n' | '\r\n';
  /** Start with U+FEFF, as Excel's "CSV UTF-8" does (default false). */
  bom?: boolean;
  /** Field delimiter (default ","). */
  delimiter?: string;
}

/** One field, quoted only when it has to be. */
export function csvField(value: string | number, delimiter = ','): string {
  const text = String(value);
  const mustQuote =
    text.includes(delimiter) || /["\r\n]/.test(text) || (text.length > 0 && text.trim() !== text);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header, then one record a row, each ended by the line end. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: CsvOptions = {},
): string {
  const { eol = '\n', bom = false, delimiter = ',' } = options;
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new Error(`toCsv: delimiter ${JSON.stringify(delimiter)} not allowed; use one character other than a quote or line break`);
  }
  const lines = [header, ...rows].map((row, i) => {
    if (row.length !== header.length) {
      throw new Error(`toCsv: row ${i} has ${row.length} fields, the header has ${header.length}`);
    }
    return row.map((field) => csvField(field, delimiter)).join(delimiter);
  });
  return (bom ? '\ufeff' : '') + lines.map((line) => line + eol).join('');
}
