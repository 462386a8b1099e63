import path from 'node:path';
import { globSync } from 'tinyglobby';
import { displayPath, type SurveyConfig } from '../config';
import { CsatError } from '../errors';
import { CONFIG_ERROR, configError, locate } from './config-location';
import type { CsvEngine } from './csv';
import { dateFormatProblem } from './dates';
import { DATA_ERROR, checkEncodingLabel } from './decode';
import type { Helper } from '../parallel/helper';
import { absorbPart, type IngestPart } from './part';
import { inputFile, readFiles, type InputFile } from './read-files';
import { RowBuilder } from './rows';
import type { Responses } from './types';

export interface IngestOptions {
  /** Rows dated after this instant are rejected as 'future date'. The clock is never read. */
  asOf?: Date;
  /** Read these files instead of the survey's `responses.files` glob. */
  files?: string[];
  /** `csv-parse` reads every file with csv-parse alone (for comparisons); default `fast`. */
  engine?: CsvEngine;
  /** A second thread: it reads the last files while this one reads the first (parallel/helper.ts). */
  helper?: Helper;
  /** Bytes of responses from which the helper is used (default PARALLEL_BYTES; tests set 0). */
  parallelFrom?: number;
  /** False: wait for the helper's part even if it has not begun (tests); default: read it here then. */
  takeBack?: boolean;
}

/** Below this many bytes of responses a second thread costs more than it saves. */
export const PARALLEL_BYTES = 8 << 20;

/**
 * Reads every responses file of a survey into one table with full row accounting
 * (see README.md in this folder). Throws CsatError with exit code 2 for a problem in the
 * data files and 78 for a problem in the survey definition. With a helper thread and
 * enough data, the last files are read in parallel and merged (part.ts): same result.
 */
export function ingestResponses(config: SurveyConfig, options: IngestOptions = {}): Responses {
  checkSettings(config);
  const files = (options.files?.map((f) => path.resolve(f)) ?? matchFiles(config)).map((abs) => inputFile(abs, displayPath(abs)));
  const builder = new RowBuilder(config, { asOf: options.asOf });
  const [mine, theirs] = options.helper ? splitFiles(files, options.parallelFrom ?? PARALLEL_BYTES) : [files, []];
  const theirBytes = theirs.reduce((a, f) => a + f.size, 0);
  const job = theirs.length ? options.helper!.post('ingest', { config, files: theirs, asOf: options.asOf?.getTime(), engine: options.engine }) : undefined;
  const headerOnly = readFiles(builder, mine, options.engine, theirBytes);
  if (job !== undefined) {
    // The helper's part, or, when it had not begun yet (slow start, busy machine), read here.
    const part = options.helper!.take<IngestPart>(job, options.takeBack ?? true);
    if (part) {
      absorbPart(builder, part);
      headerOnly.push(...part.headerOnly);
    } else headerOnly.push(...readFiles(builder, theirs, options.engine));
  }
  if (builder.rowsRead === 0) {
    const [first] = headerOnly;
    const which = headerOnly.length > 1 ? `none of the ${headerOnly.length} files has a` : 'the file has no';
    throw new CsatError(`no data rows: ${which} row after the header`, first, { exitCode: DATA_ERROR, hint: 'expected one row per response below the header' });
  }
  return builder.finish();
}

/**
 * The files this thread reads and those the helper reads: none for the helper below
 * PARALLEL_BYTES or with one file; else the helper takes the last files, about 40 % of the
 * bytes (it starts later: a thread loads its modules first).
 */
function splitFiles(files: InputFile[], from: number): [InputFile[], InputFile[]] {
  const total = files.reduce((a, f) => a + f.size, 0);
  if (files.length < 2 || total < from) return [files, []];
  let k = files.length;
  let tail = 0;
  while (k > 1 && tail + files[k - 1].size <= total * HELPER_SHARE) tail += files[--k].size;
  if (k === files.length) k--; // one file at least
  return [files.slice(0, k), files.slice(k)];
}

const HELPER_SHARE = 0.45;

function checkSettings(config: SurveyConfig): void {
  const r = config.responses;
  if (!checkEncodingLabel(r.encoding)) {
    throw configError(config, ['responses', 'encoding'], `unknown encoding "${r.encoding}"`, 'expected auto, utf-8, utf-16le, utf-16be, gb18030, gbk or another WHATWG encoding name');
  }
  if (r.date !== undefined) {
    const problem = dateFormatProblem(r.dateFormat);
    if (problem) throw configError(config, ['responses', 'date_format'], problem, 'e.g. YYYY-MM-DD HH:mm or DD/MM/YYYY');
  }
  // The table has one column per id: period, segments, questions and comments must not clash.
  const owner = new Map<string, string>([['period', 'the period column']]);
  const claim = (id: string, at: (string | number)[], what: string) => {
    const prior = owner.get(id);
    if (prior) throw configError(config, at, `id "${id}" is already used by ${prior}; ids must differ across segments, questions and comments`);
    owner.set(id, what);
  };
  config.segments.forEach((s, i) => claim(s.id, ['segments', i, 'id'], `segment ${s.id}`));
  config.questions.forEach((q, i) => claim(q.id, ['questions', i, 'id'], `question ${q.id}`));
  config.comments.forEach((c, i) => claim(c.id, ['comments', i], `comment ${c.id}`));
}

function matchFiles(config: SurveyConfig): string[] {
  const patterns = config.responses.files;
  const files = globSync(patterns, { absolute: true, onlyFiles: true, expandDirectories: false }).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) {
    const shown = patterns.map((p) => path.relative(config.dir, p) || p).join(', ');
    throw new CsatError(`no files match responses.files "${shown}"`, { file: displayPath(config.path), ...locate(config.path, ['responses', 'files']) }, {
      exitCode: DATA_ERROR,
      hint: `the pattern is relative to ${displayPath(config.dir) || '.'}`,
    });
  }
  return files;
}

export { CONFIG_ERROR, DATA_ERROR };
