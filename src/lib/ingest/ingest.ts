import fs from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { displayPath, type SurveyConfig } from '../config';
import { CsatError } from '../errors';
import { CONFIG_ERROR, configError, locate } from './config-location';
import { readCsv, type CsvEngine } from './csv';
import { dateFormatProblem } from './dates';
import { DATA_ERROR, checkEncodingLabel, decodeBytes } from './decode';
import { matchHeader } from './header';
import { RowBuilder } from './rows';
import { sniffDelimiter } from './sniff';
import type { Responses } from './types';

export interface IngestOptions {
  /** Rows dated after this instant are rejected as 'future date'. The clock is never read. */
  asOf?: Date;
  /** Read these files instead of the survey's `responses.files` glob. */
  files?: string[];
  /** `csv-parse` reads every file with csv-parse alone (for comparisons); default `fast`. */
  engine?: CsvEngine;
}

/**
 * Reads every responses file of a survey into one table with full row accounting
 * (see README.md in this folder). Throws CsatError with exit code 2 for a problem in the
 * data files and 78 for a problem in the survey definition.
 */
export function ingestResponses(config: SurveyConfig, options: IngestOptions = {}): Responses {
  checkSettings(config);
  const files = options.files?.map((f) => path.resolve(f)) ?? matchFiles(config);
  const builder = new RowBuilder(config, { asOf: options.asOf });
  const headerOnly: { file: string; line: number }[] = [];
  for (const abs of files) {
    const file = displayPath(abs);
    const decoded = decodeBytes(readFile(abs, file), config.responses.encoding, file);
    const delimiter = config.responses.delimiter === 'auto' ? sniffDelimiter(decoded.bytes) : config.responses.delimiter;
    let headerLine = 0;
    const before = builder.rowsRead;
    builder.reserve(countLines(decoded.bytes));
    readCsv(
      decoded.bytes,
      delimiter,
      file,
      (record) => {
        if (headerLine > 0) return builder.add(record);
        headerLine = record.line;
        const names = Array.from({ length: record.count }, (_, i) => record.text(i));
        builder.beginFile(file, decoded.encoding, delimiter, matchHeader(names, config, file, record.line));
      },
      options.engine,
    );
    if (headerLine === 0) throw new CsatError('empty file: expected a header line naming the columns', { file, line: 1 }, { exitCode: DATA_ERROR });
    if (builder.rowsRead === before) headerOnly.push({ file, line: headerLine + 1 });
  }
  if (builder.rowsRead === 0) {
    const [first] = headerOnly;
    const which = headerOnly.length > 1 ? `none of the ${headerOnly.length} files has a` : 'the file has no';
    throw new CsatError(`no data rows: ${which} row after the header`, first, { exitCode: DATA_ERROR, hint: 'expected one row per response below the header' });
  }
  return builder.finish();
}

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

/** Line feeds in the file: an upper bound on its rows, counted with native memchr. */
function countLines(bytes: Buffer): number {
  let n = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) n++;
  return n;
}

function readFile(abs: string, file: string): Buffer {
  try {
    return fs.readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CsatError(`cannot read the file (${code})`, { file }, { exitCode: DATA_ERROR });
  }
}

export { CONFIG_ERROR, DATA_ERROR };
