import fs from 'node:fs';
import { LineCounter, parseDocument, type Node } from 'yaml';
import { displayPath, formatPath, type SurveyConfig } from '../config';
import { CsatError } from '../errors';

/** Exit code of a problem in the survey definition (sysexits EX_CONFIG). */
export const CONFIG_ERROR = 78;

/**
 * A problem in the survey definition found while reading the data (an encoding name the
 * platform lacks, a date_format with an unknown token). The checked config keeps no source
 * positions, so the YAML is read again to point at the key's line and column.
 */
export function configError(config: SurveyConfig, at: (string | number)[], message: string, hint?: string): CsatError {
  return new CsatError(`${formatPath(at)}: ${message}`, { file: displayPath(config.path), ...locate(config.path, at) }, { exitCode: CONFIG_ERROR, hint });
}

export function locate(file: string, at: (string | number)[]): { line?: number; column?: number } {
  try {
    const lines = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lines });
    for (let k = at.length; k >= 0; k--) {
      const node = doc.getIn(at.slice(0, k), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        const p = lines.linePos(node.range[0]);
        return { line: p.line, column: p.col };
      }
    }
  } catch {
    // The definition was readable a moment ago; without it the message still names the key.
  }
  return {};
}
