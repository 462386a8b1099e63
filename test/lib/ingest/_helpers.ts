import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type SurveyConfig } from '../../../src/lib/config';

/** A fresh temporary folder (removed by the caller's afterAll via removeTemp). */
export function tempDir(prefix = 'csat-ingest-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes survey.yaml and data files into `dir` and loads the survey definition. */
export function surveyIn(dir: string, yaml: string, files: Record<string, string | Uint8Array> = {}): SurveyConfig {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  fs.writeFileSync(path.join(dir, 'survey.yaml'), yaml);
  return loadConfig(path.join(dir, 'survey.yaml'));
}

/** A small survey: id, customer, date (Asia/Shanghai), one segment, two Likert items, NPS, a comment. */
export const BASE_YAML = `title: Test
timezone: Asia/Shanghai
responses: { files: "*.csv", id: id, customer: customer, date: date, date_format: "YYYY-MM-DD HH:mm" }
segments: [ { id: plan, column: plan } ]
scales:
  sat5: { points: 5, labels: { 非常满意: 5, 满意: 4, 一般: 3, 不满意: 2, 非常不满意: 1 }, missing: [不适用] }
  nps11: { points: 11, missing: [N/A] }
questions:
  - { id: q1, column: q1, scale: sat5 }
  - { id: q2, column: q2, scale: sat5, role: overall }
  - { id: nps, column: nps, scale: nps11, role: nps }
comments: [ comment ]
`;
export const BASE_HEADER = 'id,customer,date,plan,q1,q2,nps,comment';

/**
 * A GBK encoder for tests, built from Node's own GBK decoder: every two-byte sequence
 * (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F) is decoded once and the map inverted.
 */
let gbkTable: Map<string, number[]> | undefined;
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          // not a character in GBK
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let at = 0;
  const put = (unit: number) => {
    out[at++] = order === 'le' ? unit & 0xff : unit >> 8;
    out[at++] = order === 'le' ? unit >> 8 : unit & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

/** RFC 4180 writer: quotes a field when it holds the delimiter, a quote, CR or LF, or is a lone empty field. */
export function writeCsv(rows: string[][], delimiter = ',', eol = '\n'): string {
  return rows
    .map((row) =>
      row
        .map((f) => (f.includes(delimiter) || /["\r\n]/.test(f) || (row.length === 1 && f === '') || f.startsWith('"') ? `"${f.replaceAll('"', '""')}"` : f))
        .join(delimiter),
    )
    .join(eol) + eol;
}
