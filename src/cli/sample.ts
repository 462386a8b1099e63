/**
 * npm run sample [-- --out DIR] [--seed N]: write the seeded sample data set
 * (responses/*.csv, actions.csv, transactions.csv) into DIR (default data/).
 * survey.yaml is not touched: it is written by hand and describes these files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateSample } from '../lib/sample/index';

function main(): void {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'data' }, seed: { type: 'string', default: String(DEFAULT_SEED) } },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed: "${values.seed}" is not an integer`);
  const out = resolve(values.out);
  const sample = generateSample(seed);
  for (const file of sample.files) {
    const path = join(out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content, 'utf8');
    const bytes = Buffer.byteLength(file.content, 'utf8');
    console.log(`${file.path.padEnd(24)} ${String(bytes).padStart(9)} bytes`);
  }
  const counts = new Map<string, number>();
  for (const d of sample.defects) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  console.log(`planted: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
  console.log(`written to ${out} (seed ${seed})`);
}

try {
  main();
} catch (error) {
  console.error(`sample: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
