import fs from 'node:fs';
import { displayPath } from '../config';
import { CsatError } from '../errors';
import { parseCsv } from './csv';
import { DATA_ERROR, decodeAuto } from './decode';
import { sniffDelimiter } from './sniff';

/** The raw actions file: its records (header first) with their 1-based line numbers. */
export interface ActionsFile {
  /** As shown in messages (relative to the working directory when inside it). */
  file: string;
  records: { line: number; fields: string[] }[];
}

/**
 * Reads the actions file declared in the survey definition: any encoding the responses may
 * have (BOM, UTF-16, GB18030 detected), any of the usual delimiters, records with their
 * line numbers. Checking the rows is the actions analysis' job (it needs the survey's data).
 */
export function readActionsFile(file: string): ActionsFile {
  const shown = displayPath(file);
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CsatError(code === 'ENOENT' ? 'actions file not found' : `cannot read the actions file (${code})`, { file: shown }, {
      exitCode: DATA_ERROR, hint: 'create it (see docs/actions.md) or remove `actions:` from the survey definition',
    });
  }
  const { bytes } = decodeAuto(raw, shown);
  return { file: shown, records: parseCsv(bytes, sniffDelimiter(bytes), shown) };
}
