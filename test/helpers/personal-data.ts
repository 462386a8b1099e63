import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The personal data in a survey's inputs, and a scanner that finds it in published files.
 * Read straight from the CSV files with csv-parse (not through the tool's ingest), so a row
 * the ingest dropped or misread is still looked for.
 */
export interface PersonalData {
  /** Response and customer ids. */
  ids: Set<string>;
  /** E-mail addresses, lower case. */
  emails: Set<string>;
  /** Phone and other long numbers written in comments, as digit strings (≥ 7 digits). */
  numbers: Set<string>;
}

export interface CsvSource {
  file: string;
  /** Columns whose every value is an id. */
  idColumns: string[];
  /** Free-text columns searched for e-mail addresses and phone numbers. */
  textColumns: string[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** A digit run with the separators people write in phone numbers: spaces, dashes, dots, brackets, a leading +. */
const NUMBER = /(?:\+|\()?\d[\d \t().\u2010-\u2015-]*\d/g;
const DATE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;

export function readPersonalData(sources: readonly CsvSource[]): PersonalData {
  const data: PersonalData = { ids: new Set(), emails: new Set(), numbers: new Set() };
  for (const { file, idColumns, textColumns } of sources) {
    const rows = parse(fs.readFileSync(file), { bom: true, columns: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      for (const c of idColumns) if (row[c]?.trim()) data.ids.add(row[c].trim());
      for (const c of textColumns) for (const n of contactsIn(row[c] ?? '')) (n.includes('@') ? data.emails : data.numbers).add(n);
    }
  }
  return data;
}

/** E-mail addresses (lower case) and long numbers (digits only, with and without a +86/0086 prefix) in a text. */
export function contactsIn(text: string): string[] {
  const found = [...text.normalize('NFKC').matchAll(EMAIL)].map((m) => m[0].toLowerCase());
  for (const m of text.normalize('NFKC').replace(EMAIL, ' ').matchAll(NUMBER)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7 || DATE.test(m[0].trim())) continue;
    found.push(digits);
    const national = digits.replace(/^(?:0086|86)(?=1\d{10}$)/, '');
    if (national !== digits) found.push(national);
  }
  return found;
}

/** Every piece of `data` that occurs in `text`. */
export function findPersonalData(text: string, data: PersonalData): string[] {
  const hits = new Set<string>();
  // Ids: look only where an id could start, and only at whole tokens (no letter or digit either side).
  const lengths = [...new Set([...data.ids].map((id) => id.length))];
  const firsts = new Set([...data.ids].map((id) => id[0]));
  const word = /[A-Za-z0-9]/;
  for (let i = 0; i < text.length; i++) {
    if (!firsts.has(text[i]) || (i > 0 && word.test(text[i - 1]))) continue;
    for (const n of lengths) {
      const candidate = text.slice(i, i + n);
      if (data.ids.has(candidate) && !word.test(text[i + n] ?? '')) hits.add(candidate);
    }
  }
  const lower = text.normalize('NFKC').toLowerCase();
  for (const email of data.emails) {
    if (lower.includes(email)) hits.add(email);
    const local = email.slice(0, email.indexOf('@'));
    if (local.length >= 5 && new RegExp(`(?<![a-z0-9._%+-])${escapeRegExp(local)}(?![a-z0-9_%+-])`).test(lower)) hits.add(`${local}@…`);
  }
  if (data.numbers.size > 0) {
    for (const m of text.normalize('NFKC').matchAll(NUMBER)) {
      const digits = m[0].replace(/\D/g, '');
      for (const n of data.numbers) if (digits.includes(n)) hits.add(n);
    }
  }
  return [...hits].sort();
}

/** The readable text of a published file: PDFs through pdftotext (poppler-utils), anything else as UTF-8 or Latin-1 bytes. */
export function readableText(file: string): string {
  const bytes = fs.readFileSync(file);
  if (path.extname(file).toLowerCase() !== '.pdf') return bytes.toString(/\.(html|csv|json|svg|xml|txt|css|js)$/i.test(file) ? 'utf8' : 'latin1');
  try {
    return `${execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })}\n${bytes.toString('latin1')}`;
  } catch (e) {
    throw new Error(`cannot read the text of ${file}: pdftotext failed (${(e as Error).message.split('\n')[0]}); install it with \`apt-get install -y poppler-utils\``);
  }
}

/** file → the personal data found in it, for every file below `dir` that holds any. */
export function scanFolder(dir: string, files: readonly string[], data: PersonalData): Record<string, string[]> {
  const leaks: Record<string, string[]> = {};
  for (const f of files) {
    const hits = findPersonalData(readableText(path.join(dir, f)), data);
    if (hits.length > 0) leaks[f] = hits;
  }
  return leaks;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
