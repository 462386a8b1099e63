import type { CliIo } from './run';

/**
 * Build progress on the terminal: one line per stage with its counts and time. Under CI=true
 * (or --quiet) only the final summary is printed, so CI logs stay short.
 */
export class Progress {
  private readonly started = performance.now();
  private stageStart = performance.now();
  private readonly lines: string[] = [];

  constructor(private readonly io: CliIo, private readonly quiet: boolean) {}

  stage(name: string, detail: string): void {
    const ms = performance.now() - this.stageStart;
    const line = `${name.padEnd(8)} ${detail}  (${formatMs(ms)})`;
    this.lines.push(line);
    if (!this.quiet) this.io.out(line);
    this.stageStart = performance.now();
  }

  /** Before a fatal error: the stage lines quiet mode held back (e.g. the row accounting), so CI logs show them. */
  flush(): void {
    if (this.quiet) for (const line of this.lines) this.io.out(line);
  }

  /** Restarts the clock of the next stage (after work that is not a stage of its own). */
  mark(): void {
    this.stageStart = performance.now();
  }

  summary(detail: string): void {
    this.io.out(`done     ${detail}  (${formatMs(performance.now() - this.started)} in all)`);
  }
}

export const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
