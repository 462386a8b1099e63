// @ts-check
/**
 * `node src/cli/launch.mjs <command> [args]`: runs src/cli/<command>.ts, compiled.
 *
 * The npm scripts start here rather than under tsx: tsx's module hooks see every module
 * the process loads, Astro's and Vite's included, which made a site build 1.3 s slower.
 * Instead, src/lib and src/cli are compiled once with esbuild (about 0.2 s) into
 * node_modules/.cache/csat-report/<hash of the sources>/ and run as plain ESM; an unchanged
 * source tree reuses that folder. The site build also hands this compiled library to Astro,
 * so Rollup does not bundle it a second time (see compiledLibrary in build.ts), and the
 * pages share the model the command computed.
 *
 * A module exporting `cli` (a CliCommand) is run through runCommand; any other (a script
 * such as sample.ts) runs when imported and reads its arguments from process.argv.slice(2).
 * CSAT_COMPILED tells the code where the compiled tree is (the worker thread lives there).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['src/lib', 'src/cli'];

/** Every .ts file under the compiled folders, relative to the project root, sorted. */
function sourceFiles() {
  return SOURCES.flatMap((dir) =>
    fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => path.join(dir, f)),
  ).sort();
}

/** The compiled tree for the current sources: reused when it exists, else built and renamed into place. */
export async function compile() {
  const files = sourceFiles();
  // esbuild's version from its package.json: importing it costs ~20 ms, needed only to compile.
  const { version } = createRequire(import.meta.url)('esbuild/package.json');
  // This file's own bytes too: its build options shape the output.
  const hash = crypto.createHash('sha256').update(version).update(fs.readFileSync(fileURLToPath(import.meta.url)));
  for (const f of files) hash.update(`\0${f}\0`).update(fs.readFileSync(path.join(root, f)));
  const cache = path.join(root, 'node_modules', '.cache', 'csat-report');
  const dir = path.join(cache, hash.digest('hex').slice(0, 16));
  if (fs.existsSync(dir)) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: files,
    outdir: tmp,
    outbase: 'src',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'error',
  });
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    // Another process compiled the same sources first; theirs is identical.
    if (!fs.existsSync(dir)) throw e;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // Older trees, once no process can still be running from them.
  const hourAgo = Date.now() - 3_600_000;
  for (const old of fs.readdirSync(cache)) {
    const stale = path.join(cache, old);
    if (stale !== dir && fs.statSync(stale).mtimeMs < hourAgo) fs.rmSync(stale, { recursive: true, force: true });
  }
  return dir;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const source = command && path.join(root, 'src', 'cli', `${command}.ts`);
  if (!source || !fs.existsSync(source)) {
    process.stderr.write(`error: no command "${command ?? ''}" (expected the name of a file in src/cli/, e.g. build)\n`);
    process.exitCode = 64;
    return;
  }
  const dir = await compile();
  process.env.CSAT_COMPILED = dir;
  if (process.env.DEBUG === '1') process.setSourceMapsEnabled(true);
  process.argv = [process.argv[0], process.argv[1], ...args];
  const module = await import(pathToFileURL(path.join(dir, 'cli', `${command}.mjs`)).href);
  if (module.cli) {
    const { runCommand } = await import(pathToFileURL(path.join(dir, 'cli', 'run.mjs')).href);
    process.exitCode = await runCommand(module.cli, args);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
