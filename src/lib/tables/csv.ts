/**
 * CSV for people and spreadsheets: RFC 4180 quoting, UTF-8 with BOM (Excel then reads
 * Chinese correctly), CRLF, and cells that a spreadsheet would run as a formula neutralised
 * (OWASP "CSV injection": a leading =, +, -, @, tab or CR gets a ' in front). Numbers are
 * written as numbers, so a negative delta stays a number.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[], { bom = true } = {}): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return (bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
