import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/run';
import { removeTemp, surveyIn, tempDir } from '../lib/ingest/_helpers';
import { runValidate } from '../helpers/bad-corpus';

const root = path.resolve(__dirname, '../..');
const basic = path.join(root, 'test/fixtures/ingest/basic/survey.yaml');
const tmp = tempDir();
afterAll(() => removeTemp(tmp));


describe('npm run validate', () => {
  it('prints the accounting and exits 0 for usable data', async () => {
    const { code, out, err } = await runValidate(['--config', basic]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain('rows: read 6 = used 6 + rejected 0');
    expect(out).toContain('  2026-Q2  4');
    expect(out.some((l) => /^ {2}plan \(套餐\): 免费版 2 · 专业版 2 · 企业版 1 · \(blank\) 1$/.test(l))).toBe(true);
    expect(out).toContain('  q_service    16.7%  客服响应速度');
    expect(out.at(-1)).toBe('result: usable');
  });

  it('shows the first examples of each reason, never ids, customers or comments of rejected rows', async () => {
    const header = 'id,customer,date,plan,q1,q2,nps,comment';
    const rows = [
      'SECRET-1,CUST-9,2026-01-01 10:00,pro,满意,满意,9,',
      'SECRET-1,CUST-9,2026-01-01 10:00,pro,满意,满意,9,private remark',
      'SECRET-2,CUST-8,2026-01-01 10:00,pro,zhang@example.com,满意,9,another private remark',
      ...Array.from({ length: 4 }, (_, i) => `X${i},C,2026-01-01 10:00,pro,很满意,满意,9,`),
    ];
    const config = path.join(tmp, 'privacy');
    surveyIn(config, (await import('node:fs')).readFileSync(path.join(root, 'test/lib/ingest/_base.yaml'), 'utf8'), { 'a.csv': [header, ...rows].join('\n') });
    const { code, out } = await runValidate(['--config', path.join(config, 'survey.yaml')]);
    expect(code).toBe(0);
    const text = out.join('\n');
    for (const secret of ['SECRET', 'CUST', 'private remark', 'zhang@example.com']) expect(text).not.toContain(secret);
    expect(text).toContain('  unknown label: 5');
    expect(text).toMatch(/a\.csv:4 column "q1": "\[e-mail\]"; expected one of 非常满意/);
    expect(text.match(/column "q1": "很满意"/g)).toHaveLength(2); // 3 examples per reason
    expect(text).toMatch(/a\.csv:3 column "id": expected a response id not used before; this one was first used at .*a\.csv:2/);
  });

  it('prints one error line with file and line, and no stack, for a fatal problem', async () => {
    const config = path.join(tmp, 'fatal');
    surveyIn(config, (await import('node:fs')).readFileSync(path.join(root, 'test/lib/ingest/_base.yaml'), 'utf8'), { 'a.csv': 'id,customer,date,plan,q1,q2,nps,comment\n1,"oops\n' });
    const { code, out, err } = await runValidate(['--config', path.join(config, 'survey.yaml')]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^error: .*a\.csv:2 column "field 2": unclosed quote/);
    const debug = await runValidate(['--config', path.join(config, 'survey.yaml')], { DEBUG: '1' });
    expect(debug.err.length).toBeGreaterThan(1);
    expect(debug.err[1]).toMatch(/^CsatError: unclosed quote/);
  });

  it('uses exit 78 for the survey definition, 64 for usage and 2 when no row is usable', async () => {
    const missing = await runValidate(['--config', path.join(tmp, 'none.yaml')]);
    expect(missing.code).toBe(78);
    expect(missing.err).toEqual([`error: ${path.join(tmp, 'none.yaml')}: survey definition not found (pass --config path or set SURVEY_CONFIG)`]);
    const usage = await runValidate(['--confg', 'x']);
    expect(usage).toMatchObject({ code: 64, err: ['error: unknown option --confg (options: --config, --as-of)'] });
    const badAsOf = await runValidate(['--config', basic, '--as-of', 'soon']);
    expect(badAsOf.code).toBe(64);
    const config = path.join(tmp, 'unusable');
    surveyIn(config, (await import('node:fs')).readFileSync(path.join(root, 'test/lib/ingest/_base.yaml'), 'utf8'), { 'a.csv': 'id,customer,date,plan,q1,q2,nps,comment\n1,c,2026-01-01,p,很满意,,,\n' });
    const none = await runValidate(['--config', path.join(config, 'survey.yaml')]);
    expect(none.code).toBe(2);
    expect(none.out.at(-1)).toBe('result: not usable');
    expect(none.err[0]).toMatch(/^error: .*a\.csv:2: no usable rows: all 1 rows read were rejected, the first one here \(see the reasons above\)$/);
  });

  it('rejects rows after --as-of as future dates', async () => {
    const { out } = await runValidate(['--config', basic, '--as-of', '2026-06-30']);
    expect(out).toContain('  future date: 1');
  });

  it('reads --config=path and SURVEY_CONFIG', async () => {
    expect(parseArgs(['--config=a.yaml', '--as-of', 'x'], ['as-of'])).toEqual({ config: 'a.yaml', flags: { 'as-of': 'x' }, positional: [] });
    const viaEnv = await runValidate([], { SURVEY_CONFIG: basic });
    expect(viaEnv.code).toBe(0);
  });

  it('counts the planted rejections of the sample data and checks its actions and transactions', async () => {
    const { code, out, err } = await runValidate(['--config', path.join(root, 'data/survey.yaml')]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const rows = out.find((l) => l.startsWith('rows: '))!.match(/read ([\d,]+) = used ([\d,]+) \+ rejected ([\d,]+)/)!.slice(1).map((n) => Number(n.replaceAll(',', '')));
    expect(rows[0]).toBe(rows[1] + rows[2]);
    expect(rows[2]).toBeGreaterThan(0);
    expect(out.some((l) => /^ {2}unknown label: \d+$/.test(l))).toBe(true);
    expect(out.some((l) => /^ {2}duplicate id: \d+$/.test(l))).toBe(true);
    expect(out.some((l) => l.startsWith('actions: data/actions.csv'))).toBe(true);
    expect(out.some((l) => /^transactions \(purchases\): data\/transactions\.csv .* read ([\d,]+) = used/.test(l))).toBe(true);
    expect(out.join('\n')).not.toMatch(/[\w.+-]+@[\w-]+\.\w+|1[3-9]\d{9}/); // no e-mail or phone number
  });

  it('runs as a script: one stderr line and the exit code on failure', () => {
    // As `npm run validate` runs it (compiled by the launcher); the successful path is covered in-process above.
    let failure: { status: number; stderr: string; stdout: string } | undefined;
    try {
      execFileSync(process.execPath, ['src/cli/launch.mjs', 'validate', '--config', 'test/fixtures/none.yaml'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      failure = e as { status: number; stderr: string; stdout: string };
    }
    expect(failure?.status).toBe(78);
    expect(failure?.stderr).toBe('error: test/fixtures/none.yaml: survey definition not found (pass --config path or set SURVEY_CONFIG)\n');
  });
});
