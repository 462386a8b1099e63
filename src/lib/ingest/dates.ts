import type { Granularity } from '../config';
import type { CellReader } from './csv';
import { TimeZone, civil } from './timezone';

/**
 * Dates as the survey definition says: `date_format` built from the tokens below, read in the
 * survey's time zone. The format alone decides between day-first and month-first. ISO 8601
 * values (`2026-07-01T09:30:00+08:00`, `…Z`, or without an offset) are accepted whatever the
 * format, since they cannot be misread. A value that fits neither gives NaN, which the caller
 * rejects as 'unparseable date'.
 *
 * Tokens: YYYY (4 digits), MM/M (month), DD/D (day), HH/H (hour 0–23), mm (minute),
 * ss (second). Month, day and hour take one or two digits unless the next token follows with
 * no separator. Other characters (`-`, `/`, `.`, `:`, space, `T`, 年, 月, 日 …) must match as
 * written. A value may stop before the time part (midnight), and may add `:ss` after `mm`.
 */
export const DATE_TOKENS = ['YYYY', 'MM', 'M', 'DD', 'D', 'HH', 'H', 'mm', 'ss'] as const;
type Field = 0 | 1 | 2 | 3 | 4 | 5; // year, month, day, hour, minute, second

interface NumberToken {
  field: Field;
  min: number;
  max: number;
}
type Token = NumberToken | Uint8Array;

const FIELD: Record<(typeof DATE_TOKENS)[number], Field> = { YYYY: 0, MM: 1, M: 1, DD: 2, D: 2, HH: 3, H: 3, mm: 4, ss: 5 };
const DIGIT0 = 0x30;
const encoder = new TextEncoder();

/** Splits a date_format into tokens; throws an Error naming the bad part. */
function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  for (let i = 0; i < format.length; ) {
    const token = DATE_TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      if (literal) tokens.push(encoder.encode(literal));
      literal = '';
      const fixed = token === 'YYYY' ? 4 : 2;
      tokens.push({ field: FIELD[token], min: token.length === 1 ? 1 : fixed === 4 ? 4 : 1, max: fixed });
      i += token.length;
      continue;
    }
    const ch = format[i];
    if (/[A-Za-z]/.test(ch) && ch !== 'T') {
      throw new Error(`"${format}" has an unknown token at "${format.slice(i)}"; allowed tokens: ${DATE_TOKENS.join(' ')}`);
    }
    literal += ch;
    i++;
  }
  if (literal) tokens.push(encoder.encode(literal));
  // A number directly followed by another number needs its full width to be split.
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if (!(t instanceof Uint8Array) && !(tokens[k + 1] instanceof Uint8Array)) t.min = t.max;
  }
  const fields = tokens.filter((t): t is NumberToken => !(t instanceof Uint8Array)).map((t) => t.field);
  if (!fields.includes(0) || !fields.includes(1) || !fields.includes(2)) {
    throw new Error(`"${format}" needs YYYY, MM and DD`);
  }
  if (new Set(fields).size !== fields.length) throw new Error(`"${format}" has a token twice`);
  return tokens;
}

/** Checks a date_format; returns a message when it is not usable. */
export function dateFormatProblem(format: string): string | undefined {
  try {
    tokenize(format);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Reads a date cell into epoch milliseconds (NaN when it does not parse). */
export class DateReader implements CellReader {
  private readonly tokens: Token[];
  private readonly dateEnd: number;
  private readonly f = new Float64Array(6);

  constructor(
    readonly format: string,
    readonly zone: TimeZone,
  ) {
    this.tokens = tokenize(format);
    let last = 0;
    this.tokens.forEach((t, k) => {
      if (!(t instanceof Uint8Array) && t.field <= 2) last = k;
    });
    this.dateEnd = last + 1;
  }

  ofText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.ofBytes(bytes, 0, bytes.length);
  }

  ofBytes(b: Uint8Array, start: number, end: number): number {
    while (start < end && (b[start] === 0x20 || b[start] === 0x09)) start++;
    while (end > start && (b[end - 1] === 0x20 || b[end - 1] === 0x09)) end--;
    const wall = this.matchFormat(b, start, end);
    if (!Number.isNaN(wall)) return this.zone.toInstant(wall);
    return this.iso(Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8'));
  }

  /** Wall-clock milliseconds (fields as if UTC), or NaN. */
  private matchFormat(b: Uint8Array, start: number, end: number): number {
    const f = this.f;
    f[0] = NaN;
    f[1] = f[2] = 1;
    f[3] = f[4] = f[5] = 0;
    let p = start;
    const tokens = this.tokens;
    let k = 0;
    for (; k < tokens.length; k++) {
      if (p === end && k >= this.dateEnd) break; // the time part may be left out
      const t = tokens[k];
      if (t instanceof Uint8Array) {
        if (end - p < t.length) return NaN;
        for (let i = 0; i < t.length; i++) if (b[p + i] !== t[i]) return NaN;
        p += t.length;
        continue;
      }
      let value = 0;
      let digits = 0;
      while (digits < t.max && p < end) {
        const d = b[p] - DIGIT0;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
        digits++;
        p++;
      }
      if (digits < t.min) return NaN;
      f[t.field] = value;
    }
    // An extra `:ss` after a format that ends in minutes.
    const lastToken = tokens[tokens.length - 1];
    if (p < end && k === tokens.length && !(lastToken instanceof Uint8Array) && lastToken.field === 4 && end - p === 3 && b[p] === 0x3a) {
      const s = (b[p + 1] - DIGIT0) * 10 + (b[p + 2] - DIGIT0);
      if (b[p + 1] < DIGIT0 || b[p + 1] > DIGIT0 + 9 || b[p + 2] < DIGIT0 || b[p + 2] > DIGIT0 + 9) return NaN;
      f[5] = s;
      p = end;
    }
    if (p !== end) return NaN;
    return wallClock(f[0], f[1], f[2], f[3], f[4], f[5]);
  }

  private iso(text: string): number {
    const m = ISO.exec(text);
    if (!m) return NaN;
    const wall = wallClock(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (Number.isNaN(wall)) return NaN;
    const zone = m[7];
    if (zone === undefined) return this.zone.toInstant(wall);
    if (zone === 'Z' || zone === 'z') return wall;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    return wall - sign * minutes * 60_000;
  }
}

/** `Date.UTC` of checked fields; NaN for 2026-02-30, hour 24 and the like. */
export function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  if (!(y >= 1000 && y <= 9999) || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return NaN;
  if (d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, in integer arithmetic (H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms", days_from_civil): equals Date.UTC / 86 400 000
 * and runs once per row, where Date.UTC costs several times more.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/** Period labels (2026-Q3, 2026-07, 2026, or `all`) and their time order. */
export class PeriodAssigner {
  private readonly byDay = new Map<number, number>();
  private readonly keys: number[] = [];
  private readonly labels: string[] = [];
  private readonly byKey = new Map<number, number>();

  constructor(
    readonly granularity: Granularity,
    readonly zone: TimeZone,
  ) {}

  /** Index of the period holding an instant (indices are in first-seen order). */
  indexOf(ms: number): number {
    const day = Math.floor((ms + this.zone.offsetAt(ms)) / 86_400_000);
    let index = this.byDay.get(day);
    if (index === undefined) {
      index = this.index(civil(day));
      this.byDay.set(day, index);
    }
    return index;
  }

  /** The single period of a survey without dates. */
  all(): number {
    return this.add(0, 'all');
  }

  label(index: number): string {
    return this.labels[index];
  }

  /** Every period so far (key for time order, label), by index: what a worker's assigner hands over. */
  entries(): { key: number; label: string }[] {
    return this.keys.map((key, i) => ({ key, label: this.labels[i] }));
  }

  /** The index of a period of another assigner (from its entries()), added when new. */
  merge(key: number, label: string): number {
    return this.add(key, label);
  }

  /** Indices in time order. */
  order(): number[] {
    return this.keys.map((_, i) => i).sort((a, b) => this.keys[a] - this.keys[b]);
  }

  private index({ year, month }: { year: number; month: number }): number {
    const g = this.granularity;
    if (g === 'month') return this.add(year * 12 + month - 1, `${year}-${String(month).padStart(2, '0')}`);
    if (g === 'year') return this.add(year, String(year));
    if (g === 'quarter') return this.add(year * 4 + Math.floor((month - 1) / 3), `${year}-Q${Math.floor((month - 1) / 3) + 1}`);
    return this.all();
  }

  private add(key: number, label: string): number {
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.keys.length;
      this.keys.push(key);
      this.labels.push(label);
      this.byKey.set(key, index);
    }
    return index;
  }
}

/** Convenience for tests and one-off use: parse one value. */
export function parseDate(text: string, format: string, timeZone: string): number {
  return new DateReader(format, new TimeZone(timeZone)).ofText(text);
}

/** `a date like YYYY-MM-DD HH:mm (e.g. 2026-07-01 09:30) or ISO 8601`. */
export function expectedDate(format: string): string {
  return `a date like ${format} (e.g. ${dateExample(format)}) or ISO 8601`;
}

/** A date written in `format`: 2026-07-01 09:30 for YYYY-MM-DD HH:mm. */
export function dateExample(format: string): string {
  return format.replace(/YYYY|MM|M|DD|D|HH|H|mm|ss/g, (t) => ({ YYYY: '2026', MM: '07', M: '7', DD: '01', D: '1', HH: '09', H: '9', mm: '30', ss: '00' })[t] ?? t);
}
