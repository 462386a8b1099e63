import * as aq from 'arquero';
import type { SurveyConfig } from '../config';
import { normalizeLabel } from '../util/text';
import { CodeBook } from './codebook';
import type { RecordView } from './csv';
import { DateReader, PeriodAssigner } from './dates';
import type { ColumnPlan } from './header';
import { IdIndex, MISSING_ID, NEW_ID } from './ids';
import { shownValue } from './mask';
import { TimeZone } from './timezone';
import type { Accounting, FileAccounting, RejectReason, RejectedRow, Responses } from './types';
import { AnswerCodes, expectedAnswer } from './values';

/** The segment value of an empty cell: the row is kept, in a group of its own. */
export const BLANK_SEGMENT = '(blank)';

/**
 * Turns records into used rows (typed columns) or rejected rows (one reason each). Checks run
 * in this order and the first failure is the reason: ragged row, missing id, duplicate id,
 * unparseable or future date, the answers in question order (unknown label, out of range,
 * not a number), no answers. Every row except a ragged one claims its response id when first
 * seen, so a later row with the same id is the duplicate even when the first was rejected.
 * A rejected row's value is masked (e-mail, phone) and never holds a response id.
 */
export class RowBuilder {
  private readonly answerCodes: AnswerCodes[];
  private readonly answerBooks: CodeBook[];
  // Flat per-question lookups for the hot loop: code → value, code → problem (or undefined).
  private readonly valueOf: Float64Array[];
  private readonly problemOf: (RejectReason | undefined)[][];
  private readonly expected: string[];
  private readonly segmentValues: string[][];
  private readonly segmentBooks: CodeBook[];
  private readonly dates?: DateReader;
  readonly periods: PeriodAssigner;
  private readonly asOf: number;
  private readonly row: Float64Array;

  private capacity = 1024;
  private used = 0;
  private answers: Float64Array[];
  private periodOf = new Int32Array(this.capacity);
  private segmentOf: Int32Array[];
  private readonly comments: (string | null)[][];
  private readonly ids: (string | null)[] = [];
  private readonly customers: (string | null)[] = [];
  // Customers repeat across responses: intern them instead of making a string per row.
  private readonly customerValues: (string | null)[] = [];
  private readonly customerBook = new CodeBook((raw) => this.customerValues.push(raw.trim() || null) - 1);
  private readonly firstSeen = new IdIndex();

  private readonly fileNames: string[] = [];
  private readonly files: FileAccounting[] = [];
  private plan!: ColumnPlan;
  private acc!: FileAccounting;
  readonly rejected: RejectedRow[] = [];
  private readonly byReason: Partial<Record<RejectReason, number>> = {};

  constructor(
    private readonly config: SurveyConfig,
    options: { asOf?: Date } = {},
  ) {
    const zone = new TimeZone(config.timezone);
    this.periods = new PeriodAssigner(config.period, zone);
    if (config.responses.date !== undefined) this.dates = new DateReader(config.responses.dateFormat, zone);
    this.asOf = options.asOf ? options.asOf.getTime() : Infinity;
    this.answerCodes = config.questions.map((q) => new AnswerCodes(q.scale));
    this.answerBooks = this.answerCodes.map((c) => new CodeBook(c.code));
    this.valueOf = this.answerCodes.map((c) => c.valueOf);
    this.problemOf = this.answerCodes.map((c) => c.problemOf);
    this.expected = config.questions.map((q) => expectedAnswer(q.scale, config.locale));
    this.segmentValues = config.segments.map(() => []);
    this.segmentBooks = this.segmentValues.map((values) => {
      const index = new Map<string, number>();
      return new CodeBook((raw) => {
        const value = normalizeLabel(raw, false) || BLANK_SEGMENT;
        let code = index.get(value);
        if (code === undefined) {
          code = values.length;
          values.push(value);
          index.set(value, code);
        }
        return code;
      });
    });
    this.row = new Float64Array(config.questions.length);
    this.answers = config.questions.map(() => new Float64Array(this.capacity));
    this.segmentOf = config.segments.map(() => new Int32Array(this.capacity));
    this.comments = config.comments.map(() => []);
  }

  beginFile(file: string, encoding: string, delimiter: string, plan: ColumnPlan): FileAccounting {
    this.plan = plan;
    this.acc = { file, encoding, delimiter, rowsRead: 0, used: 0, rejected: 0 };
    this.fileNames.push(file);
    this.files.push(this.acc);
    return this.acc;
  }

  add(r: RecordView): void {
    const plan = this.plan;
    this.acc.rowsRead++;
    const width = plan.names.length;
    if (r.count !== width && !(r.count > width && emptyFrom(r, width))) {
      const short = r.count < width;
      const extra = short ? '' : firstNonEmpty(r, width);
      return this.reject(r, 'ragged row', short ? plan.names[r.count] : `(field ${width + 1})`, extra, `${width} fields as in the header; found ${r.count}`);
    }
    let period = -1;
    let dateProblem: 'unparseable date' | 'future date' | undefined;
    if (this.dates) {
      const ms = r.read(plan.date, this.dates);
      if (Number.isNaN(ms)) dateProblem = 'unparseable date';
      else if (ms > this.asOf) dateProblem = 'future date';
      else period = this.periods.indexOf(ms); // also for rows rejected below: the period exists
    } else period = this.periods.all();
    if (plan.id >= 0) {
      this.firstSeen.location = (this.fileNames.length - 1) * 2 ** 31 + r.line;
      const first = r.read(plan.id, this.firstSeen);
      if (first === MISSING_ID) return this.reject(r, 'missing id', plan.names[plan.id], '', 'a response id');
      if (first !== NEW_ID) {
        const at = `${this.fileNames[Math.floor(first / 2 ** 31)]}:${first % 2 ** 31}`;
        return this.reject(r, 'duplicate id', plan.names[plan.id], '', `a response id not used before; this one was first used at ${at}`);
      }
    }
    if (dateProblem) {
      const expected = dateProblem === 'future date' ? `a date not after ${new Date(this.asOf).toISOString()}` : expectedDate(this.config.responses.dateFormat);
      return this.reject(r, dateProblem, plan.names[plan.date], r.text(plan.date), expected);
    }
    const row = this.row;
    let answered = 0;
    const columns = plan.questions;
    for (let k = 0; k < row.length; k++) {
      const code = r.read(columns[k], this.answerBooks[k]);
      const problem = this.problemOf[k][code];
      if (problem !== undefined) return this.reject(r, problem, plan.names[columns[k]], r.text(columns[k]), this.expected[k]);
      const v = this.valueOf[k][code];
      row[k] = v;
      if (v === v) answered++;
    }
    if (answered === 0) return this.reject(r, 'no answers', '(all questions)', '', `at least one answered question; all ${row.length} are blank or missing codes`);
    this.accept(r, period);
  }

  private accept(r: RecordView, period: number): void {
    if (this.used === this.capacity) this.grow();
    const i = this.used++;
    this.acc.used++;
    const plan = this.plan;
    for (let k = 0; k < this.row.length; k++) this.answers[k][i] = this.row[k];
    this.periodOf[i] = period;
    for (let j = 0; j < this.segmentOf.length; j++) this.segmentOf[j][i] = r.read(plan.segments[j], this.segmentBooks[j]);
    for (let j = 0; j < this.comments.length; j++) {
      const text = r.isEmpty(plan.comments[j]) ? '' : r.text(plan.comments[j]).trim();
      this.comments[j].push(text === '' ? null : text);
    }
    if (plan.id >= 0) this.ids.push(trimSpaces(r.text(plan.id)));
    if (plan.customer >= 0) this.customers.push(this.customerValues[r.read(plan.customer, this.customerBook)]);
  }

  private reject(r: RecordView, reason: RejectReason, column: string, value: string, expected: string): void {
    this.rejected.push({ file: this.acc.file, line: r.line, column, value: value === '' ? '' : shownValue(value), reason, expected });
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    this.acc.rejected++;
  }

  /** Makes room for `rows` more used rows at once (saves the copies of doubling). */
  reserve(rows: number): void {
    const need = this.used + rows;
    if (need > this.capacity) this.grow(need);
  }

  private grow(to = this.capacity * 2): void {
    this.capacity = to;
    const widen = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.answers = this.answers.map((a) => widen(a, (n) => new Float64Array(n)));
    this.segmentOf = this.segmentOf.map((a) => widen(a, (n) => new Int32Array(n)));
    this.periodOf = widen(this.periodOf, (n) => new Int32Array(n));
  }

  get rowsRead(): number {
    return this.files.reduce((s, f) => s + f.rowsRead, 0);
  }

  finish(): Responses {
    const n = this.used;
    const config = this.config;
    const columns: Record<string, unknown> = {};
    const labelOf = (i: number) => this.periods.label(i);
    const periodLabels = this.periods.order().map(() => '');
    periodLabels.forEach((_, i) => (periodLabels[i] = labelOf(i)));
    columns.period = decodeColumn(this.periodOf, n, periodLabels);
    config.segments.forEach((s, j) => (columns[s.id] = decodeColumn(this.segmentOf[j], n, this.segmentValues[j])));
    const missingRate: Record<string, number> = {};
    config.questions.forEach((q, k) => {
      const a = this.answers[k].slice(0, n);
      missingRate[q.id] = countNaN(a) / n;
      columns[q.id] = a;
    });
    config.comments.forEach((c, j) => (columns[c.id] = this.comments[j]));
    const rowsRead = this.rowsRead;
    const rejected = this.rejected.length;
    const accounting: Accounting = { files: this.files, rowsRead, used: n, rejected, byReason: this.byReason, missingRate };
    return {
      table: aq.table(columns),
      periods: this.periods.order().map(labelOf),
      customers: config.responses.customer !== undefined ? this.customers : undefined,
      ids: config.responses.id !== undefined ? this.ids : undefined,
      accounting,
      rejected: this.rejected,
    };
  }
}

function countNaN(a: Float64Array): number {
  let missing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== a[i]) missing++;
  return missing;
}

/** Codes → their strings (a plain loop: Array.from with a map function is far slower). */
function decodeColumn(codes: Int32Array, n: number, values: string[]): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = values[codes[i]];
  return out;
}

/** Spaces and tabs off both ends, as IdIndex compares ids (no regex: this runs per row). */
function trimSpaces(s: string): string {
  const last = s.length - 1;
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(last);
  return c0 === 0x20 || c0 === 0x09 || c1 === 0x20 || c1 === 0x09 ? s.replace(/^[ \t]+|[ \t]+$/g, '') : s;
}

function emptyFrom(r: RecordView, from: number): boolean {
  for (let i = from; i < r.count; i++) if (r.text(i).trim() !== '') return false;
  return true;
}

function firstNonEmpty(r: RecordView, from: number): string {
  for (let i = from; i < r.count; i++) if (r.text(i).trim() !== '') return r.text(i);
  return '';
}

/** `a date like YYYY-MM-DD HH:mm (e.g. 2026-07-01 09:30) or ISO 8601`. */
export function expectedDate(format: string): string {
  const example = format.replace(/YYYY|MM|M|DD|D|HH|H|mm|ss/g, (t) => ({ YYYY: '2026', MM: '07', M: '7', DD: '01', D: '1', HH: '09', H: '9', mm: '30', ss: '00' })[t] ?? t);
  return `a date like ${format} (e.g. ${example}) or ISO 8601`;
}
