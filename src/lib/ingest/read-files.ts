import fs from 'node:fs';
import { CsatError } from '../errors';
import { readCsv, type CsvEngine } from './csv';
import { DATA_ERROR, decodeBytes } from './decode';
import { matchHeader } from './header';
import { toPart, type IngestPart } from './part';
import { RowBuilder } from './rows';
import { sniffDelimiter } from './sniff';
import type { SurveyConfig } from '../config/types';

/** A responses file: absolute path, the name messages show, and its size in bytes. */
export interface InputFile {
  abs: string;
  shown: string;
  size: number;
}

export const inputFile = (abs: string, shown: string): InputFile => ({ abs, shown, size: fileSize(abs) });

/**
 * Reads files into a builder, in order (decode, delimiter, header, rows). `laterBytes` are
 * the bytes of files another reader adds to this builder afterwards: the first file's rows
 * per byte then size the columns for all of them at once. Returns the files that hold a
 * header and no rows. Imports nothing of the survey definition's loader, so a worker thread
 * loads it quickly.
 */
export function readFiles(builder: RowBuilder, files: InputFile[], engine: CsvEngine | undefined, laterBytes = 0): { file: string; line: number }[] {
  const config = builder.config;
  const headerOnly: { file: string; line: number }[] = [];
  let bytesLeft = files.reduce((a, f) => a + f.size, 0) + laterBytes;
  for (const [k, { abs, shown: file, size }] of files.entries()) {
    const decoded = decodeBytes(readFile(abs, file), config.responses.encoding, file);
    const delimiter = config.responses.delimiter === 'auto' ? sniffDelimiter(decoded.bytes) : config.responses.delimiter;
    let headerLine = 0;
    const before = builder.rowsRead;
    const lines = countLines(decoded.bytes);
    bytesLeft -= size;
    // Room for this file, and on the first, for the rest at its rows per byte: one allocation, not one per file.
    builder.reserve(k === 0 && size > 0 ? lines + Math.ceil((lines / size) * bytesLeft * 1.02) : lines);
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
      engine,
    );
    if (headerLine === 0) throw new CsatError('empty file: expected a header line naming the columns', { file, line: 1 }, { exitCode: DATA_ERROR });
    if (builder.rowsRead === before) headerOnly.push({ file, line: headerLine + 1 });
  }
  return headerOnly;
}

/** Line feeds in the file: an upper bound on its rows, counted with native memchr. */
function countLines(bytes: Buffer): number {
  let n = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) n++;
  return n;
}

function fileSize(abs: string): number {
  try {
    return fs.statSync(abs).size;
  } catch {
    return 0; // readFile reports it
  }
}

function readFile(abs: string, file: string): Buffer {
  try {
    return fs.readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CsatError(`cannot read the file (${code})`, { file }, { exitCode: DATA_ERROR });
  }
}

/**
 * A helper thread's share of ingestResponses: claims files from the last back until it
 * meets a file the main thread claimed, each read into a part of its own. On an error it
 * goes on claiming, and reports the error of the earliest file: the one a single pass
 * would have stopped at (the main thread's files all come before).
 */
export function ingestParts(job: { config: SurveyConfig; files: InputFile[]; claims: Int32Array; asOf?: number; engine?: CsvEngine }): IngestPart[] {
  const parts: IngestPart[] = [];
  let error: unknown;
  for (let k = job.files.length - 1; k >= 0; k--) {
    const claim = Atomics.compareExchange(job.claims, k, 0, 2);
    if (claim !== 0 && claim !== 3) break;
    try {
      const builder = new RowBuilder(job.config, { asOf: job.asOf === undefined ? undefined : new Date(job.asOf), claims: true });
      parts.push(toPart(builder, readFiles(builder, [job.files[k]], job.engine)));
    } catch (e) {
      error = e;
    }
  }
  if (error) throw error;
  return parts.reverse();
}
