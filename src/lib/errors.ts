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

/** An error as plain data, to cross a thread: a CsatError keeps its place, hint and exit code. */
export interface ErrorData {
  name: string;
  message: string;
  stack?: string;
  where?: Where;
  hint?: string;
  exitCode?: number;
}

export function errorData(e: unknown): ErrorData {
  const err = (e instanceof Error ? e : new Error(String(e))) as Error & Partial<Pick<CsatError, 'where' | 'hint' | 'exitCode'>>;
  return { name: err.name, message: err.message, stack: err.stack, where: err.where, hint: err.hint, exitCode: err.exitCode };
}

export function reviveError(e: ErrorData): Error {
  const error = e.name === 'CsatError' ? new CsatError(e.message, e.where, { hint: e.hint, exitCode: e.exitCode }) : new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}
