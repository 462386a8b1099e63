import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles } from './build-once';
import { contactsIn, findPersonalData, readPersonalData, scanFolder, type CsvSource, type PersonalData } from '../helpers/personal-data';
import { loadConfig } from '../../src/lib/config';

/**
 * The sample site publishes no personal data: no response id, customer id, e-mail address
 * or phone number found in the inputs (data/responses/*.csv, whose comments carry planted
 * contacts, and data/transactions.csv) occurs in any file of the build. actions.csv holds no
 * personal data (owners are staff named on purpose).
 */
const config = loadConfig(path.resolve('data/survey.yaml'));
const dataDir = path.dirname(config.path);

function sampleSources(): CsvSource[] {
  const responses = fs.readdirSync(path.join(dataDir, 'responses')).filter((f) => f.endsWith('.csv')).sort();
  const r = config.responses;
  const sources: CsvSource[] = responses.map((f) => ({
    file: path.join(dataDir, 'responses', f),
    idColumns: [r.id, r.customer].filter((c): c is string => typeof c === 'string'),
    textColumns: config.comments.map((c) => c.column),
  }));
  const t = config.transactions;
  if (t?.file) sources.push({ file: path.resolve(dataDir, t.file), idColumns: [t.customer], textColumns: [] });
  return sources;
}

describe('personal data in the sample inputs', () => {
  const data = readPersonalData(sampleSources());

  it('finds the ids, and the contacts planted in comments (src/lib/sample/defects.ts)', () => {
    expect(data.ids.size).toBeGreaterThan(6000);
    expect(data.ids.has('R2026Q4-00001')).toBe(true);
    expect(data.ids.has('C02221')).toBe(true);
    expect([...data.emails].sort()).toEqual(['li.wei@example.com', 'zhangmin_hr@example.cn']);
    for (const n of ['13812345678', '02155556666', '13900138000', '13800138000']) expect(data.numbers).toContain(n);
  });
});

describe('the personal-data scanner', () => {
  const data: PersonalData = { ids: new Set(['R2026Q4-00001', 'C02221']), emails: new Set(['li.wei@example.com']), numbers: new Set(['13812345678']) };

  it('finds an id as a whole token, not inside a longer one', () => {
    expect(findPersonalData('<td>C02221</td>', data)).toEqual(['C02221']);
    expect(findPersonalData('"id":"R2026Q4-00001",', data)).toEqual(['R2026Q4-00001']);
    expect(findPersonalData('C022210 XC02221 M1C02221', data)).toEqual([]);
  });

  it('finds an e-mail address in any case, and its local part alone', () => {
    expect(findPersonalData('mail LI.WEI@example.com', data)).toEqual(['li.wei@example.com', 'li.wei@…']);
    expect(findPersonalData('mail li.wei@[email]', data)).toEqual(['li.wei@…']);
  });

  it('finds a phone number however it is grouped, and not once masked', () => {
    expect(findPersonalData('call 138 1234 5678', data)).toEqual(['13812345678']);
    expect(findPersonalData('call +86 138-1234-5678', data)).toEqual(['13812345678']);
    expect(findPersonalData('call [phone]', data)).toEqual([]);
  });

  it('reads contacts out of comments: addresses, numbers with a national form, not dates', () => {
    expect(contactsIn('电话：+86 139 0013 8000，邮箱 A.b@Example.cn，2026-03-05 来过')).toEqual(['a.b@example.cn', '8613900138000', '13900138000']);
  });

  it('reports a leaked id in a built folder (so a leaking site fails the test below)', () => {
    const dir = fs.mkdtempSync(path.resolve('out', 'personal-data-'));
    try {
      fs.writeFileSync(path.join(dir, 'clean.html'), '<p>index 76.2</p>');
      fs.writeFileSync(path.join(dir, 'leak.csv'), 'response,score\r\nR2026Q4-00001,5\r\n');
      expect(scanFolder(dir, ['clean.html', 'leak.csv'], data)).toEqual({ 'leak.csv': ['R2026Q4-00001'] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the sample site', () => {
  let dist = '';
  let files: string[] = [];
  const data = readPersonalData(sampleSources());
  beforeAll(() => {
    dist = buildSite('default');
    files = listFiles(dist);
  });

  it('publishes no response id, customer id, e-mail address or phone number from the inputs', () => {
    expect(files.some((f) => f.endsWith('.html'))).toBe(true);
    expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    expect(scanFolder(dist, files, data)).toEqual({});
  }, 60_000);
});
