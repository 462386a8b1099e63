import type { SurveyConfig } from '../config';
import { normalizeLabel } from '../util/text';
import { CodeBook } from './codebook';
import { emptyFrom, firstNonEmpty, type RecordView } from './csv';
import { DateReader, expectedDate, PeriodAssigner } from './dates';
import type { ColumnPlan } from './header';
import { IdIndex, LOCATION_SPAN, MISSING_ID, NEW_ID, unusedIdExpected } from './ids';
import { shownValue } from './mask';
import { surveyPath } from '../util/survey-path';
import { Claims } from './part';
import { RowStore } from './row-store';
import { TimeZone } from './timezone';
import type { FileAccounting, RejectDetail, RejectReason, RejectedRow } from './types';
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
  // Read by part.ts (toPart, replayPart, appendPart): the state a worker's builder hands to the main one.
  readonly store: RowStore;
  readonly segmentValues: string[][];
  readonly segmentIndex: Map<string, number>[];
  readonly customerValues: (string | null)[] = [];
  readonly firstSeen = new IdIndex();
  readonly fileNames: string[] = [];
  readonly files: FileAccounting[] = [];
  /** The id column's header name per file ('' without one), for duplicates found when parts merge. */
  readonly idColumns: string[] = [];
  readonly rejected: RejectedRow[] = [];
  readonly byReason: Partial<Record<RejectReason, number>> = {};
  /** Each row's id claim, kept when this builder reads part of the files for another (a worker). */
  readonly claims?: Claims;

  private readonly answerCodes: AnswerCodes[];
  private readonly answerBooks: CodeBook[];
  // Flat per-question lookups for the hot loop: the missing code (levels are below it), code → problem (or undefined).
  private readonly missingCode: Int32Array;
  private readonly problemOf: (RejectReason | undefined)[][];
  private readonly expected: string[];
  private readonly segmentBooks: CodeBook[];
  private readonly dates?: DateReader;
  readonly periods: PeriodAssigner;
  private readonly asOf: number;
  private readonly rowCodes: Uint8Array;

  // Customers repeat across responses: interned, a code per row (the id strings are made only if asked for).
  private readonly customerBook = new CodeBook((raw) => this.customerValues.push(raw.trim() || null) - 1);
  private plan!: ColumnPlan;
  private acc!: FileAccounting;
  private claim = -1; // IdIndex entry of the current row's id, −1 when it claims none

  constructor(
    readonly config: SurveyConfig,
    options: { asOf?: Date; claims?: boolean } = {},
  ) {
    const zone = TimeZone.of(config.timezone);
    this.periods = new PeriodAssigner(config.period, zone);
    if (config.responses.date !== undefined) this.dates = new DateReader(config.responses.dateFormat, zone);
    this.asOf = options.asOf ? options.asOf.getTime() : Infinity;
    this.answerCodes = config.questions.map((q) => new AnswerCodes(q.scale));
    this.answerBooks = this.answerCodes.map((c) => new CodeBook(c.code));
    this.missingCode = Int32Array.from(this.answerCodes, (c) => c.missing);
    this.problemOf = this.answerCodes.map((c) => c.problemOf);
    this.expected = config.questions.map((q) => expectedAnswer(q.scale, config.locale));
    this.segmentValues = config.segments.map(() => []);
    this.segmentIndex = config.segments.map(() => new Map());
    this.segmentBooks = config.segments.map((_, j) => new CodeBook((raw) => this.segmentCode(j, normalizeLabel(raw, false) || BLANK_SEGMENT)));
    this.rowCodes = new Uint8Array(config.questions.length);
    this.store = new RowStore(config.questions.length, config.segments.length, config.comments.length);
    if (options.claims) this.claims = new Claims();
  }

  /** The code of a (normalised) segment value, added when new. */
  segmentCode(j: number, value: string): number {
    let code = this.segmentIndex[j].get(value);
    if (code === undefined) {
      code = this.segmentValues[j].length;
      this.segmentValues[j].push(value);
      this.segmentIndex[j].set(value, code);
    }
    return code;
  }

  beginFile(file: string, encoding: string, delimiter: string, plan: ColumnPlan): FileAccounting {
    this.plan = plan;
    this.acc = { file, encoding, delimiter, rowsRead: 0, used: 0, rejected: 0 };
    this.fileNames.push(file);
    this.files.push(this.acc);
    this.idColumns.push(plan.id >= 0 ? plan.names[plan.id] : '');
    return this.acc;
  }

  add(r: RecordView): void {
    const plan = this.plan;
    this.acc.rowsRead++;
    this.claim = -1;
    const width = plan.names.length;
    if (r.count !== width && !(r.count > width && emptyFrom(r, width))) {
      const short = r.count < width;
      const extra = short ? '' : firstNonEmpty(r, width);
      return this.reject(r, 'ragged row', short ? plan.names[r.count] : `(field ${width + 1})`, extra, `${width} fields as in the header; found ${r.count}`, { fields: width, found: r.count });
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
      this.firstSeen.location = (this.fileNames.length - 1) * LOCATION_SPAN + r.line;
      const first = r.read(plan.id, this.firstSeen);
      if (first === MISSING_ID) return this.reject(r, 'missing id', plan.names[plan.id], '', 'a response id');
      this.claim = this.firstSeen.lastEntry;
      if (first !== NEW_ID) {
        const at = this.firstUsedAt(first);
        return this.reject(r, 'duplicate id', plan.names[plan.id], '', unusedIdExpected(at), { firstUsed: at });
      }
    }
    if (dateProblem) {
      if (dateProblem === 'unparseable date') return this.reject(r, dateProblem, plan.names[plan.date], r.text(plan.date), expectedDate(this.config.responses.dateFormat));
      const notAfter = new Date(this.asOf).toISOString();
      return this.reject(r, dateProblem, plan.names[plan.date], r.text(plan.date), `a date not after ${notAfter}`, { notAfter });
    }
    let answered = 0;
    const columns = plan.questions;
    for (let k = 0; k < columns.length; k++) {
      const code = r.code(columns[k], this.answerBooks[k]);
      const problem = this.problemOf[k][code];
      if (problem !== undefined) return this.reject(r, problem, plan.names[columns[k]], r.text(columns[k]), this.expected[k], { question: this.config.questions[k].id });
      this.rowCodes[k] = code; // a level, or `levels` for missing (problems were rejected above)
      if (code < this.missingCode[k]) answered++;
    }
    if (answered === 0) return this.reject(r, 'no answers', '(all questions)', '', `at least one answered question; all ${columns.length} are blank or missing codes`);
    this.accept(r, period);
  }

  private accept(r: RecordView, period: number): void {
    const s = this.store;
    const i = s.next();
    this.acc.used++;
    const plan = this.plan;
    for (let k = 0; k < this.rowCodes.length; k++) s.levels[k][i] = this.rowCodes[k];
    s.periodOf[i] = period;
    for (let j = 0; j < s.segmentOf.length; j++) s.segmentOf[j][i] = r.code(plan.segments[j], this.segmentBooks[j]);
    for (let j = 0; j < s.comments.length; j++) r.appendText(plan.comments[j], s.comments[j]);
    s.idEntry[i] = this.claim;
    s.customerOf[i] = plan.customer >= 0 ? r.code(plan.customer, this.customerBook) : -1;
    if (this.claim >= 0) this.claims?.add(this.claim, this.firstSeen.location, i);
  }

  /** Where an id was first used (its IdIndex location) as published: file (relative to the survey's folder):line. */
  firstUsedAt(location: number): string {
    return `${surveyPath(this.config.dir, this.fileNames[Math.floor(location / LOCATION_SPAN)])}:${location % LOCATION_SPAN}`;
  }

  private reject(r: RecordView, reason: RejectReason, column: string, value: string, expected: string, detail?: RejectDetail): void {
    this.rejected.push({ file: this.acc.file, line: r.line, column, value: value === '' ? '' : shownValue(value), reason, expected, ...(detail && { detail }) });
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    this.acc.rejected++;
    if (this.claim >= 0) this.claims?.add(this.claim, this.firstSeen.location, -this.rejected.length);
  }

  /** Makes room for `rows` more used rows at once (saves the copies of doubling). */
  reserve(rows: number): void {
    this.store.reserve(rows);
    if (this.config.responses.id !== undefined) this.firstSeen.reserve(rows);
  }

  get rowsRead(): number {
    return this.files.reduce((s, f) => s + f.rowsRead, 0);
  }
}
