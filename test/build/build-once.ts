import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds the sample site into a temporary folder once per key and environment, so the build
 * tests share builds (each takes ~15 s). Runs the real `build` command in a child process.
 */
const builds = new Map<string, string>();

export function buildSite(key: string, env: Record<string, string> = {}): string {
  const cached = builds.get(key);
  if (cached) return cached;
  // Inside the project: with an outDir outside the root, Astro also writes its cache files there.
  fs.mkdirSync(path.resolve('out'), { recursive: true });
  const outDir = fs.mkdtempSync(path.resolve('out', `test-build-${key}-`));
  execFileSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'src/cli/build.ts', '--quiet'], {
    cwd: path.resolve('.'),
    env: { ...cleanEnv(), CI: 'true', ...env, SITE_OUT_DIR: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  builds.set(key, outDir);
  return outDir;
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
