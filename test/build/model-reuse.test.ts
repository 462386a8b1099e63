import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, listFiles } from './build-once';

/**
 * `npm run build` twice with nothing changed: the second build reuses the stored model
 * (src/lib/model/model-cache.ts) and writes the same site, byte for byte, as a build that
 * computed its model.
 */
describe('a rebuild with unchanged inputs', () => {
  it('reuses the model and builds the same bytes', () => {
    const computed = buildSite('default');
    buildSite('reuse-1', {}, []);
    const reused = buildSite('reuse-2', {}, []);
    expect(fs.readFileSync(`${reused}.log`, 'utf8')).toMatch(/^done .*19 pages, model reused/m);
    expect(fs.readFileSync(`${computed}.log`, 'utf8')).not.toMatch(/model reused/);
    const files = listFiles(computed);
    expect(listFiles(reused)).toEqual(files);
    for (const f of files) expect(fs.readFileSync(path.join(reused, f)).equals(fs.readFileSync(path.join(computed, f))), f).toBe(true);
  });
});
