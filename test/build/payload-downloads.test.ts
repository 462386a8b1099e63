import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles } from './build-once';
import { PAYLOAD_ENV } from '../fixtures/payload/env';
import { FORMULA_PAYLOADS } from '../fixtures/payload/generate';

/**
 * The downloads of the payload site (test/fixtures/payload/): no CSV cell that a spreadsheet
 * would run as a formula (OWASP "CSV injection": a text cell starting with =, +, -, @, tab or
 * CR), while the formula payloads themselves are still there, made inert by a leading '.
 */
describe('the payload site downloads', () => {
  let dist = '';
  let csvs: string[] = [];
  beforeAll(() => {
    dist = buildSite('payload', PAYLOAD_ENV);
    csvs = listFiles(dist).filter((f) => f.endsWith('.csv'));
  });
  const cells = (f: string): string[] => (parse(fs.readFileSync(path.join(dist, f)), { bom: true, relax_column_count: true }) as string[][]).flat();

  it('has no cell a spreadsheet would run as a formula', () => {
    expect(csvs.length).toBeGreaterThan(5);
    const bad = csvs.flatMap((f) => cells(f).filter((c) => /^[=+\-@\t\r]/.test(c) && !Number.isFinite(Number(c))).map((c) => `${f}: ${c}`));
    expect(bad).toEqual([]);
  });

  it('keeps the formula payloads as text, each behind a leading apostrophe', () => {
    const all = new Set(csvs.flatMap(cells));
    for (const payload of FORMULA_PAYLOADS) expect(all, payload).toContain(`'${payload}`);
  });
});
