import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds the site into a folder under out/ once per key per test run, so the build and
 * browser tests share builds (each takes ~15 s). Runs the real `build` command in a child
 * process with a clean environment plus `env`; a key names one environment.
 *
 * Test files run in separate worker processes, so "once" is across workers: the first
 * worker to claim a key builds it, the others wait for its `.done` marker. Builds run one at
 * a time in this tree (a lock in out/, also across concurrent test runs): Astro writes
 * shared files (.astro/content-modules.mjs, node_modules/.astro/data-store.json), and two
 * builds with different CONTENT_DIRs at once would read each other's. A plain `npm run build`
 * in the same tree at the same moment can still collide with a test build.
 */
const builds = new Map<string, string>();

const RUN = process.env.CSAT_TEST_RUN ?? runId();
const WAIT_MS = 900_000;

/**
 * `args` go to the build command; by default --no-cache, so every test build computes its
 * model (a reused model would hide what the environment does to the computation).
 * The command's output is kept in `<outDir>.log`.
 */
export function buildSite(key: string, env: Record<string, string> = {}, args: string[] = ['--no-cache']): string {
  const cached = builds.get(key);
  if (cached) return cached;
  // Inside the project: with an outDir outside the root, Astro also writes its cache files there.
  const out = path.resolve('out');
  fs.mkdirSync(out, { recursive: true });
  const outDir = path.join(out, `test-build-${key}-${RUN}`);
  if (claim(`${outDir}.claim`)) build(outDir, env, args, path.join(out, 'test-build.lock'));
  waitFor(outDir);
  builds.set(key, outDir);
  return outDir;
}

function build(outDir: string, env: Record<string, string>, args: string[], lock: string): void {
  waitUntil(() => takeLock(lock), `the build lock ${lock}`);
  try {
    removeOldBuilds(path.dirname(outDir));
    fs.rmSync(outDir, { recursive: true, force: true });
    const stdout = execFileSync(process.execPath, ['src/cli/launch.mjs', 'build', '--quiet', ...args], {
      cwd: path.resolve('.'),
      env: { ...cleanEnv(), CI: 'true', ...env, SITE_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    fs.writeFileSync(`${outDir}.log`, stdout);
    fs.writeFileSync(`${outDir}.done`, '');
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    fs.writeFileSync(`${outDir}.failed`, `build of ${path.basename(outDir)} failed: ${stderr || (e as Error).message}`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function waitFor(outDir: string): void {
  waitUntil(() => fs.existsSync(`${outDir}.done`) || fs.existsSync(`${outDir}.failed`), `the build ${outDir}`);
  if (fs.existsSync(`${outDir}.failed`)) throw new Error(fs.readFileSync(`${outDir}.failed`, 'utf8'));
}

/**
 * One id per `vitest run`: the main process's pid (workers are its forked children, or its
 * threads) and, on Linux, its start time, so a reused pid never finds an old run's build.
 */
function runId(): string {
  const main = typeof process.send === 'function' ? process.ppid : process.pid;
  try {
    const started = fs.readFileSync(`/proc/${main}/stat`, 'utf8').split(') ')[1].split(' ')[19];
    if (started) return `${main}-${started}`;
  } catch {
    // not Linux: the pid alone
  }
  return String(main);
}

/** Takes the tree-wide build lock, breaking it when the process that holds it is gone. */
function takeLock(lock: string): boolean {
  if (claim(lock)) {
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    return true;
  }
  let holder = 0;
  try {
    holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // no pid written yet, or the lock was just released
  }
  const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
  // A lock without a pid yet is being taken right now, unless it has been so for a while.
  if ((holder > 0 && !alive(holder)) || (!holder && age > 10_000)) fs.rmSync(lock, { recursive: true, force: true });
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Atomically takes a name: true for the one caller that created it. */
function claim(dir: string): boolean {
  try {
    fs.mkdirSync(dir);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function waitUntil(ready: () => boolean, what: string): void {
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!ready()) {
    if (Date.now() - started > WAIT_MS) throw new Error(`gave up waiting for ${what} after ${WAIT_MS / 1000} s`);
    Atomics.wait(pause, 0, 0, 200);
  }
}

/** Test builds of earlier runs, after a day: out/ would otherwise grow by a site per run. */
function removeOldBuilds(out: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of fs.readdirSync(out)) {
    if (!name.startsWith('test-build-') || name.endsWith(`-${RUN}`) || name.includes(`-${RUN}.`)) continue;
    const p = path.join(out, name);
    if (fs.statSync(p).mtimeMs < dayAgo) fs.rmSync(p, { recursive: true, force: true });
  }
}

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** The environment without what vitest adds (DEV, MODE, NODE_ENV=test…), which would leak into the site build. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[k];
  return env;
}
