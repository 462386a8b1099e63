import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, resolveConfigPath, type SurveyConfig } from '../lib/config';
import { CsatError } from '../lib/errors';

/**
 * The shared shell of every command: parse `--config path` and the command's flags, run,
 * and turn a CsatError into ONE line on stderr, `error: file:line:col: message (hint)`,
 * with its exit code. No stack trace unless DEBUG=1.
 *
 * Exit codes: 0 ok · 1 unexpected internal error (a bug) · 2 bad input data (responses,
 * actions, transactions files) · 64 bad command-line usage · 78 bad survey definition.
 */
export const EXIT = { ok: 0, bug: 1, data: 2, usage: 64, config: 78 } as const;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

export interface CliArgs {
  config?: string;
  /** `--name value` or `--name=value`; `true` for a flag without a value. */
  flags: Record<string, string | true>;
  positional: string[];
}

/** `known` lists the flags (besides --config) that take a value; `switches` those that don't. */
export function parseArgs(argv: string[], known: string[] = [], switches: string[] = []): CliArgs {
  const args: CliArgs = { flags: {}, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      args.positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (switches.includes(name)) {
      args.flags[name] = true;
      continue;
    }
    if (name !== 'config' && !known.includes(name)) {
      const all = ['config', ...known, ...switches].map((k) => `--${k}`).join(', ');
      throw new CsatError(`unknown option --${name}`, {}, { exitCode: EXIT.usage, hint: `options: ${all}` });
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new CsatError(`option --${name} needs a value`, {}, { exitCode: EXIT.usage });
    if (name === 'config') args.config = value;
    else args.flags[name] = value;
  }
  return args;
}

/** loadConfig, with its errors given the survey-definition exit code. */
export function loadConfigForCli(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): SurveyConfig {
  try {
    return loadConfig(resolveConfigPath(explicit, env));
  } catch (e) {
    if (e instanceof CsatError && e.exitCode === EXIT.bug) throw new CsatError(e.message, e.where, { hint: e.hint, exitCode: EXIT.config });
    throw e;
  }
}

export type Command = (args: CliArgs, io: CliIo) => number | Promise<number>;

export async function runCli(command: Command, argv: string[], io: CliIo = processIo, known: string[] = [], switches: string[] = []): Promise<number> {
  try {
    return await command(parseArgs(argv, known, switches), io);
  } catch (e) {
    const debug = io.env.DEBUG === '1';
    if (e instanceof CsatError) {
      io.err(`error: ${e.format()}`);
      if (debug && e.stack) io.err(e.stack);
      return e.exitCode;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.err(`error: unexpected ${err.name}: ${err.message.split('\n')[0]} (this is a bug in csat-report; run with DEBUG=1 to see where)`);
    if (debug && err.stack) io.err(err.stack);
    return EXIT.bug;
  }
}

/** A command as the launcher (src/cli/launch.mjs) and runIfMain run it: the function and its flags. */
export interface CliCommand {
  run: Command;
  /** Flags (besides --config) that take a value. */
  options?: string[];
  /** Flags without a value. */
  switches?: string[];
}

export function runCommand(cli: CliCommand, argv: string[], io: CliIo = processIo): Promise<number> {
  return runCli(cli.run, argv, io, cli.options, cli.switches);
}

/** Runs `cli` when this module is the script node was started with (under tsx; the launcher calls runCommand). */
export function runIfMain(moduleUrl: string, cli: CliCommand): void {
  const script = process.argv[1];
  if (!script || path.resolve(script) !== fileURLToPath(moduleUrl)) return;
  void runCommand(cli, process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
