import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config';
import { ingestResponses } from '../../../src/lib/ingest/ingest';
import type { RejectReason } from '../../../src/lib/ingest/types';
import { BASE_HEADER, BASE_YAML, encodeGbk, removeTemp, tempDir, utf16, writeCsv } from './_helpers';

/**
 * The accounting invariant on random messy exports (property), through the bytes: whatever
 * the encoding (UTF-8 with and without BOM, UTF-16 LE/BE, GB18030), delimiter (, ; tab |),
 * line ending (LF, CRLF, lone CR) and quoting, every row written is read, and is either used
 * or rejected with the one reason the README's order of checks gives it (src/lib/ingest/
 * README.md, "Row accounting"), at the line where its record starts; rows read = used +
 * rejected per file and in total; no id value in a rejected row. accounting.test.ts checks
 * the same rules with an oracle of the values, in UTF-8 and with both CSV engines.
 */
type Kind = 'ok' | RejectReason | 'short' | 'long';
const KINDS: Kind[] = ['ok', 'ok', 'ok', 'ok', 'short', 'long', 'missing id', 'duplicate id', 'unparseable date', 'future date', 'unknown label', 'out of range', 'not a number', 'no answers'];
const AS_OF = new Date('2026-07-01T00:00:00Z');
const WIDTH = BASE_HEADER.split(',').length;

const cjk = '满意非常不一般答卷编号客户套餐免费专业企业华东北南西部官网代理商应用市场功能稳定性';
const piece = fc.constantFrom(...cjk.split(''), 'a', 'Z', '1', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', '\r', '=', '@');
const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));

const rowArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  month: fc.integer({ min: 1, max: 6 }),
  day: fc.integer({ min: 1, max: 28 }),
  plan: fc.constantFrom('专业版', 'free', '', ' 企业版 ', 'x,y', 'a"b', '|'),
  q1: fc.constantFrom('非常满意', '满意', '一般', '不满意', '非常不满意', '1', '5', '４', '不适用', ''),
  q2: fc.constantFrom('非常满意', '一般', '2', '+4', '04'),
  nps: fc.constantFrom('0', '10', '7', 'N/A', ''),
  comment: text,
  pick: fc.nat(),
  cut: fc.integer({ min: 1, max: 3 }),
});
type RowSpec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const encodings = ['utf-8', 'utf-8 bom', 'utf-16le', 'utf-16be', 'gb18030'] as const;
type Encoding = (typeof encodings)[number];

function encode(textOut: string, encoding: Encoding): Uint8Array | string {
  if (encoding === 'utf-8') return textOut;
  if (encoding === 'utf-8 bom') return `\ufeff${textOut}`;
  if (encoding === 'gb18030') return encodeGbk(textOut);
  return utf16(textOut, encoding === 'utf-16le' ? 'le' : 'be');
}

/** The fields of one row and the reason it must be rejected for (undefined: used). */
function plant(spec: RowSpec, i: number, claimed: string[]): { fields: string[]; reason?: RejectReason; id?: string } {
  let kind = spec.kind;
  if (kind === 'duplicate id' && claimed.length === 0) kind = 'ok';
  const id = kind === 'duplicate id' ? claimed[spec.pick % claimed.length] : kind === 'missing id' ? ' ' : `R${i}`;
  const date = kind === 'unparseable date' ? ['yesterday', '#VALUE!', '2026-13-45 10:00'][spec.pick % 3]
    : kind === 'future date' ? '2027-01-05 10:00'
    : `2026-${String(spec.month).padStart(2, '0')}-${String(spec.day).padStart(2, '0')} 09:30`;
  let [q1, q2, nps]: string[] = [spec.q1, spec.q2, spec.nps];
  if (kind === 'unknown label') q1 = ['满意度高', 'good'][spec.pick % 2];
  if (kind === 'out of range') [q1, q2, nps] = [[q1, q2, '11'], ['6', q2, nps], [q1, '4.5', nps]][spec.pick % 3];
  if (kind === 'not a number') [q1, nps] = [['4,5', nps], [q1, 'abc']][spec.pick % 2];
  if (kind === 'no answers') [q1, q2, nps] = ['', '不适用', 'N/A'];
  let fields = [id, `C${spec.pick % 7}`, date, spec.plan, q1, q2, nps, spec.comment];
  if (kind === 'short') fields = fields.slice(0, WIDTH - spec.cut);
  if (kind === 'long') fields = [...fields, ...Array(spec.cut - 1).fill(''), 'extra'];
  const reason: RejectReason | undefined = kind === 'ok' ? undefined : kind === 'short' || kind === 'long' ? 'ragged row' : kind;
  // Every row but a ragged one, or one without an id, claims its id.
  const claims = kind !== 'short' && kind !== 'long' && kind !== 'missing id';
  return { fields, reason, id: claims ? id : undefined };
}

const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

describe('row accounting on random exports (property)', () => {
  const root = tempDir('csat-accounting-');
  afterAll(() => removeTemp(root));
  let run = 0;

  it('reads every row written; each is used or rejected for the expected reason, at its line', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom(...encodings),
        fc.integer({ min: 1, max: 2 }),
        (specs, delimiter, eol, encoding, fileCount) => {
          const dir = path.join(root, String(run++));
          fs.mkdirSync(dir);
          const claimed: string[] = [];
          const expected: { file: string; line: number; reason?: RejectReason; id: string }[] = [];
          const perFile = Math.ceil(specs.length / fileCount);
          for (let f = 0; f * perFile < specs.length; f++) {
            const file = `part${f}.csv`;
            const header = BASE_HEADER.split(',');
            let out = writeCsv([header], delimiter, eol);
            specs.slice(f * perFile, (f + 1) * perFile).forEach((spec, k) => {
              const i = f * perFile + k;
              const row = plant(spec, i, claimed);
              if (row.id !== undefined && !claimed.includes(row.id)) claimed.push(row.id);
              expected.push({ file, line: breaks(out) + 1, reason: row.reason, id: row.fields[0] });
              out += writeCsv([row.fields], delimiter, eol);
            });
            fs.writeFileSync(path.join(dir, file), encode(out, encoding));
          }
          const yaml = BASE_YAML.replace('files: "*.csv",', `files: "*.csv", encoding: ${encoding === 'gb18030' ? 'gb18030' : 'auto'},`);
          fs.writeFileSync(path.join(dir, 'survey.yaml'), yaml);
          const r = ingestResponses(loadConfig(path.join(dir, 'survey.yaml')), { asOf: AS_OF });

          const a = r.accounting;
          expect(a.rowsRead).toBe(specs.length);
          expect(a.rowsRead).toBe(a.used + a.rejected);
          expect(a.used).toBe(r.table.numRows());
          expect(a.rejected).toBe(r.rejected.length);
          expect(Object.values(a.byReason).reduce((s, n) => s + (n ?? 0), 0)).toBe(a.rejected);
          for (const fa of a.files) expect(fa.rowsRead).toBe(fa.used + fa.rejected);
          expect(a.files.reduce((s, fa) => s + fa.rowsRead, 0)).toBe(a.rowsRead);

          const shownRejected = r.rejected.map((x) => ({ file: path.basename(x.file), line: x.line, reason: x.reason }));
          const wantRejected = expected.filter((e) => e.reason).map((e) => ({ file: e.file, line: e.line, reason: e.reason }));
          expect(shownRejected).toEqual(wantRejected);
          expect(r.ids).toEqual(expected.filter((e) => !e.reason).map((e) => e.id));
          for (const x of r.rejected) if (x.reason === 'duplicate id' || x.reason === 'missing id') expect(x.value).toBe('');
        },
      ),
      { numRuns: 60, seed: 20260901 },
    );
  });
});
