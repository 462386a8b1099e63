import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles } from './build-once';

/**
 * Two builds of the same inputs are byte-identical whatever the machine's time zone and
 * locale: the default test build (TZ=UTC, LANG=C, from vitest.config.ts) against one in
 * Shanghai time with a German locale (decimal comma, day-first dates), which any number or
 * date formatted with the machine's defaults would show. Each build is a separate process.
 */
describe('deterministic output', () => {
  let a = '';
  let b = '';
  beforeAll(() => {
    a = buildSite('default');
    b = buildSite('tz-shanghai-de', { TZ: 'Asia/Shanghai', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
  });

  it('builds the same files', () => {
    expect(listFiles(b)).toEqual(listFiles(a));
    expect(listFiles(a).length).toBeGreaterThan(20);
  });

  it('builds every file byte for byte the same', () => {
    const differ = listFiles(a).filter((f) => !fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))));
    expect(differ).toEqual([]);
  });
});
