/**
 * Every user-facing problem goes through this one error type, so the CLI and the build can
 * print a single line naming the file, line and column, what was found and what was expected.
 */
export interface Where {
  file?: string;
  line?: number;
  column?: number | string;
}

export class CsatError extends Error {
  readonly where: Where;
  readonly hint?: string;
  readonly exitCode: number;

  constructor(message: string, where: Where = {}, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'CsatError';
    this.where = where;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }

  /** `file:line:column: message (hint)`, the one line a user sees. */
  format(): string {
    return formatMessage(this.message, this.where, this.hint);
  }
}

export function formatWhere({ file, line, column }: Where): string {
  let at = file ?? '';
  if (line !== undefined) at += `:${line}`;
  if (column !== undefined) at += typeof column === 'number' ? `:${column}` : ` column "${column}"`;
  return at;
}

export function formatMessage(message: string, where: Where = {}, hint?: string): string {
  const at = formatWhere(where);
  return `${at ? `${at}: ` : ''}${message}${hint ? ` (${hint})` : ''}`;
}

export function isCsatError(e: unknown): e is CsatError {
  return e instanceof CsatError;
}
