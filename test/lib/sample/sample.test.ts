import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PERSONAL_COMMENTS } from '../../../src/lib/sample/defects';
import { generateSample } from '../../../src/lib/sample/index';
import { RESPONSES_PER_QUARTER } from '../../../src/lib/sample/spec';

const dataDir = new URL('../../../data/', import.meta.url);
const survey = parseYaml(readFileSync(new URL('survey.yaml', dataDir), 'utf8'));
const sample = generateSample();
const content = (path: string) => {
  const file = sample.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in the sample`);
  return file.content;
};
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const table = (text: string) => parse(text, { bom: true, relax_column_count: false }) as string[][];
const waves = QUARTERS.map((q) => table(content(`responses/${q}.csv`)));
const header = waves[0][0];
const rows = waves.flatMap((w, i) => w.slice(1).map((cells) => ({ quarter: QUARTERS[i], cells })));
const col = (name: string) => header.indexOf(name);
const value = (cells: string[], name: string) => cells[col(name)];

const sat5 = survey.scales.sat5;
const sat5Known = new Set(['', ...Object.keys(sat5.labels), ...sat5.missing]);
const sat5Columns: string[] = survey.questions.filter((q: { scale: string }) => q.scale === 'sat5').map((q: { column: string }) => q.column);
const score = (text: string) => (text in sat5.labels ? (sat5.labels[text] as number) : NaN);

function mean(xs: number[]): number {
  const v = xs.filter(Number.isFinite);
  return v.reduce((s, x) => s + x, 0) / v.length;
}
function variance(xs: number[]): number {
  const v = xs.filter(Number.isFinite);
  const m = mean(v);
  return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
}
/** Pearson r over pairwise-complete rows. */
function pearson(x: number[], y: number[]): number {
  const keep = x.map((_, i) => i).filter((i) => Number.isFinite(x[i]) && Number.isFinite(y[i]));
  const xs = keep.map((i) => x[i]);
  const ys = keep.map((i) => y[i]);
  const mx = mean(xs);
  const my = mean(ys);
  const sxy = xs.reduce((s, v, i) => s + (v - mx) * (ys[i] - my), 0);
  return sxy / Math.sqrt(xs.reduce((s, v) => s + (v - mx) ** 2, 0) * ys.reduce((s, v) => s + (v - my) ** 2, 0));
}

describe('sample data set: files', () => {
  it('is the same bytes on every run, in any time zone', () => {
    expect(generateSample().files).toEqual(sample.files);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      expect(new Date(0).getTimezoneOffset()).toBe(-480); // the zone change took effect
      expect(generateSample().files).toEqual(sample.files);
    } finally {
      process.env.TZ = saved;
    }
    expect(generateSample(7).files[0].content).not.toBe(sample.files[0].content);
  });

  it('matches the files committed in data/ (run `npm run sample` after changing the generator)', () => {
    for (const file of sample.files) {
      expect(readFileSync(new URL(file.path, dataDir), 'utf8'), file.path).toBe(file.content);
    }
  });

  it('writes one file a quarter plus actions and transactions, under 3 MB in all', () => {
    expect(sample.files.map((f) => f.path)).toEqual([...QUARTERS.map((q) => `responses/${q}.csv`), 'actions.csv', 'transactions.csv']);
    const bytes = sample.files.reduce((s, f) => s + Buffer.byteLength(f.content, 'utf8'), 0);
    expect(bytes).toBeLessThan(3_000_000);
  });

  it('exports like Excel: BOM in every response file, CRLF in 2025, LF in 2026', () => {
    for (const q of QUARTERS) {
      const text = content(`responses/${q}.csv`);
      expect(text.startsWith('\ufeff答卷编号,')).toBe(true);
      expect(text.split('\n')[0].endsWith('\r')).toBe(q < '2026');
    }
  });

  it('has exactly the columns data/survey.yaml declares', () => {
    const declared = [
      survey.responses.id,
      survey.responses.customer,
      survey.responses.date,
      ...survey.segments.map((s: { column: string }) => s.column),
      ...survey.questions.map((q: { column: string }) => q.column),
      ...survey.comments.map((c: { column: string }) => c.column),
    ];
    expect(header).toEqual(declared);
    for (const w of waves) expect(w[0]).toEqual(header);
  });
});

describe('sample data set: responses', () => {
  it('has 650–850 rows a quarter (the planned counts plus the repeated rows), about 6,000 in all', () => {
    const duplicates = QUARTERS.map((_, i) => sample.defects.filter((d) => d.kind === 'duplicate id' && d.quarter === i).length);
    expect(waves.map((w) => w.length - 1)).toEqual(RESPONSES_PER_QUARTER.map((n, i) => n + duplicates[i]));
    for (const w of waves) expect(w.length - 1).toBeGreaterThanOrEqual(650);
    for (const w of waves) expect(w.length - 1).toBeLessThanOrEqual(850);
    expect(rows.length).toBeGreaterThan(5800);
    expect(rows.length).toBeLessThan(6300);
  });

  it('plants the invalid rows: 5 unknown labels, 3 repeated rows, 2 out of range, 1 bad date', () => {
    const unknown = rows.flatMap((r) => sat5Columns.map((c) => value(r.cells, c)).filter((v) => !sat5Known.has(v)));
    expect(unknown.sort()).toEqual(['5分', 'Very Good', 'excellent', '满意度高', '还行吧'].sort());

    const seen = new Map<string, string[]>();
    const repeated: string[] = [];
    for (const r of rows) {
      const first = seen.get(r.cells[0]);
      if (first) {
        expect(r.cells).toEqual(first); // an exact repeat, as an export glitch makes
        repeated.push(r.cells[0]);
      } else seen.set(r.cells[0], r.cells);
    }
    expect(repeated).toHaveLength(3);

    const nps = rows.map((r) => value(r.cells, '推荐意愿')).filter((v) => v !== '' && !(Number(v) >= 0 && Number(v) <= 10));
    expect(nps).toEqual(['11']);
    const ces = rows.map((r) => value(r.cells, '解决问题的容易程度')).filter((v) => /^\d+$/.test(v) && !(Number(v) >= 1 && Number(v) <= 7));
    expect(ces).toEqual(['8']);
    const badDates = rows.map((r) => value(r.cells, '提交时间')).filter((v) => !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v));
    expect(badDates).toEqual(['#VALUE!']);
  });

  it('dates every other response inside its quarter, ids and customers in the declared shape', () => {
    for (const r of rows) {
      expect(r.cells[0]).toMatch(new RegExp(`^R${r.quarter.replace('-', '')}-\\d{5}$`));
      expect(r.cells[1]).toMatch(/^C\d{5}$/);
      const date = value(r.cells, '提交时间');
      if (date === '#VALUE!') continue;
      const month = Number(date.slice(5, 7));
      expect(`${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`).toBe(r.quarter);
    }
  });

  it('hides personal data in exactly the six planted comments', () => {
    const contact = /[\w.]+@[\w.]+\.\w+|(?:\+86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-\d{7,8}/;
    const personal = rows.map((r) => value(r.cells, '意见与建议')).filter((c) => contact.test(c));
    expect(personal.sort()).toEqual([...PERSONAL_COMMENTS].sort());
  });

  it('fills about 40 % of comments, with commas, quotes, line breaks and some English', () => {
    const comments = rows.map((r) => value(r.cells, '意见与建议')).filter((c) => c !== '');
    expect(comments.length / rows.length).toBeGreaterThan(0.35);
    expect(comments.length / rows.length).toBeLessThan(0.45);
    expect(comments.some((c) => c.includes(','))).toBe(true);
    expect(comments.some((c) => c.includes('"'))).toBe(true);
    expect(comments.some((c) => c.includes('\n'))).toBe(true);
    expect(comments.filter((c) => /^[\x20-\x7e\n]+$/.test(c)).length).toBeGreaterThan(50);
  });

  it('mixes in English labels and missing codes at 3–9 % per item', () => {
    expect(rows.filter((r) => value(r.cells, '易用性') === 'Satisfied').length).toBeGreaterThan(20);
    for (const c of sat5Columns.slice(0, 8)) {
      const missing = rows.filter((r) => ['', ...sat5.missing].includes(value(r.cells, c))).length / rows.length;
      expect(missing, c).toBeGreaterThan(0.025);
      expect(missing, c).toBeLessThan(0.09);
    }
  });

  it('plants the structure: q_response drives overall, the 2026-Q2 enterprise drop, stable 易用性', () => {
    const overall = rows.map((r) => score(value(r.cells, '总体满意度')));
    const r = Object.fromEntries(sat5Columns.slice(0, 8).map((c) => [c, pearson(rows.map((x) => score(value(x.cells, c))), overall)]));
    const top = Object.entries(r).sort((a, b) => b[1] - a[1]);
    expect(top[0][0]).toBe('客服响应速度');
    expect(top[0][1] - top[1][1]).toBeGreaterThan(0.15);

    const enterprise = (quarter: string, c: string) =>
      rows.filter((x) => x.quarter === quarter && value(x.cells, '套餐') === '企业版').map((x) => score(value(x.cells, c)));
    for (const c of ['客服响应速度', '客服专业能力']) {
      const before = enterprise('2026-Q1', c);
      const after = enterprise('2026-Q2', c);
      const drop = mean(before) - mean(after);
      // Welch t with n ≈ 100 a side: a 0.7-point drop on sd ≈ 0.9 gives t ≈ 5.
      const t = drop / Math.sqrt(variance(before) / before.filter(Number.isFinite).length + variance(after) / after.filter(Number.isFinite).length);
      expect(drop, c).toBeGreaterThan(0.7);
      expect(t, c).toBeGreaterThan(4);
    }
    const usability = QUARTERS.map((q) => mean(rows.filter((x) => x.quarter === q).map((x) => score(value(x.cells, '易用性')))));
    expect(Math.max(...usability) - Math.min(...usability)).toBeLessThan(0.15);
  });
});

describe('sample data set: actions and transactions', () => {
  const actions = parse(content('actions.csv'), { columns: true }) as Record<string, string>[];
  const transactions = parse(content('transactions.csv'), { columns: true }) as Record<string, string>[];

  it('lists actions in every state, one zh status, one overdue at 2026-12-31', () => {
    expect(Object.keys(actions[0])).toEqual(['id', 'title', 'question', 'segment', 'owner', 'status', 'start', 'due', 'done', 'target', 'notes']);
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['done', '已完成', 'in_progress', 'planned', 'dropped']));
    const ids = new Set(survey.questions.map((q: { id: string }) => q.id));
    for (const a of actions) {
      expect(ids.has(a.question), a.id).toBe(true);
      expect(a.due >= a.start, a.id).toBe(true);
      expect(Number(a.target)).toBeGreaterThan(0);
    }
    const open = actions.filter((a) => a.status === 'in_progress' || a.status === 'planned');
    expect(open.filter((a) => a.due < '2026-12-31').map((a) => a.id)).toEqual(['A06']);
  });

  it('buys over two years from 2,000–3,000 customers that include every respondent', () => {
    expect(Object.keys(transactions[0])).toEqual(['order_id', 'customer_id', 'date', 'amount']);
    const customers = new Set(transactions.map((t) => t.customer_id));
    expect(customers.size).toBeGreaterThanOrEqual(2000);
    expect(customers.size).toBeLessThanOrEqual(3000);
    for (const r of rows) expect(customers.has(r.cells[1])).toBe(true);
    expect(new Set(transactions.map((t) => t.order_id)).size).toBe(transactions.length);
    const dates = transactions.map((t) => t.date);
    expect(dates.every((d, i) => i === 0 || dates[i - 1] <= d)).toBe(true);
    expect(dates[0] >= '2025-01-01' && dates[dates.length - 1] <= '2026-12-31').toBe(true);
    for (const t of transactions) expect(Number(t.amount) >= 199 && Number(t.amount) <= 20000).toBe(true);
    expect(transactions.length / customers.size).toBeGreaterThan(2); // repeat purchases
  });

  it('plants satisfaction → loyalty: satisfied respondents buy more often', () => {
    const purchases = new Map<string, number>();
    for (const t of transactions) purchases.set(t.customer_id, (purchases.get(t.customer_id) ?? 0) + 1);
    const scores = new Map<string, number[]>();
    for (const r of rows) scores.set(r.cells[1], [...(scores.get(r.cells[1]) ?? []), score(value(r.cells, '总体满意度'))]);
    const byLevel = (keep: (s: number) => boolean) =>
      mean([...scores].filter(([, s]) => keep(mean(s))).map(([c]) => purchases.get(c) ?? 0));
    expect(byLevel((s) => s >= 4) - byLevel((s) => s < 3.5)).toBeGreaterThan(0.5);
  });
});
