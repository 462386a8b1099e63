import path from 'node:path';

/**
 * A data file's path as published (tables, pages, messages kept in the model): relative to
 * the survey definition's folder, so it reads the same whatever folder a command ran from
 * and never shows the machine's own folders. `file` may be relative to the working folder.
 */
export function surveyPath(surveyDir: string, file: string): string {
  return path.relative(surveyDir, path.resolve(file)) || path.basename(file);
}
