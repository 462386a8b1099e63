/**
 * Runs one measured child process and reads what it reports: wall time from spawn to exit,
 * the JSON line a stage script prints last, and the peak RSS (the child's own report, else
 * GNU time's when /usr/bin/time exists).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface Run {
  /** Spawn to exit, milliseconds. */
  wallMs: number;
  /** The stage alone as the child timed it (after its modules loaded), when it reports one. */
  stageMs?: number;
  cpuMs?: number;
  maxRssKB?: number;
  report: Record<string, unknown>;
}

const TIME = '/usr/bin/time';

export function runChild(args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const timed = fs.existsSync(TIME);
  const [command, argv] = timed ? [TIME, ['-f', 'maxrss-kb %M', process.execPath, ...args]] : [process.execPath, args];
  const started = performance.now();
  const child = spawnSync(command, argv, { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - started;
  if (child.status !== 0) {
    throw new Error(`bench: ${args.join(' ')} exited with ${child.status ?? child.signal}\n${(child.stderr ?? '').split('\n').slice(-15).join('\n')}`);
  }
  const json = (child.stdout ?? '').trim().split('\n').reverse().find((l) => l.startsWith('{'));
  const report = json ? (JSON.parse(json) as Record<string, unknown>) : {};
  const timeRss = /maxrss-kb (\d+)/.exec(child.stderr ?? '');
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    wallMs,
    stageMs: num(report.stageMs),
    cpuMs: num(report.cpuMs),
    maxRssKB: num(report.maxRssKB) ?? (timeRss ? Number(timeRss[1]) : undefined),
    report,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
