import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadConfig, parseConfig, type TransactionsSource } from '../../../src/lib/config';
import { CsatError } from '../../../src/lib/errors';
import { ingestTransactions, readPurchases } from '../../../src/lib/ingest/transactions';
import { readCustomerSummaries } from '../../../src/lib/ingest/transaction-summary';
import { parseNumber } from '../../../src/lib/ingest/transaction-columns';

const source: TransactionsSource = {
  file: '/tmp/t.csv', customer: 'customer_id', date: 'date', amount: 'amount', order: 'order_id',
  dateFormat: 'YYYY-MM-DD', currency: 'CNY', timeUnit: 'month', margin: 1, discountRate: 0.1, horizon: 12,
};
const read = (text: string, s: TransactionsSource = source, zone = 'UTC') => readPurchases(Buffer.from(text, 'utf8'), s, zone, 't.csv');
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function thrown(f: () => unknown): CsatError {
  try {
    f();
  } catch (e) {
    if (e instanceof CsatError) return e;
    throw e;
  }
  throw new Error('expected a CsatError');
}

describe('readPurchases', () => {
  const csv = [
    'order_id,customer_id,date,amount',
    'O1,C1,2025-01-01,100', // line 2: used
    'O2,C1,2025-02-01,"1,200.50"', // used: thousands comma
    'O3,,2025-01-01,100', // missing customer
    'O1,C2,2025-01-01,100', // duplicate order id
    ',C2,2025-01-01,100', // missing order id
    'O4,C2,2025-13-01,100', // unparseable date
    'O5,C2,2025-01-02,abc', // not a number
    'O6,C2,2025-01-02,-5', // negative amount
    'O7,C2,2025-01-02', // ragged row
    'O8,C3,2025-01-03,¥99', // used: currency sign
    'O9,C3,2025-01-04,0', // used: a free order
  ].join('\n');
  const log = read(csv);

  it('rejects each bad row with its reason, line and column', () => {
    expect(log.rejected.map((r) => [r.line, r.reason, r.column])).toEqual([
      [4, 'missing customer', 'customer_id'],
      [5, 'duplicate order id', 'order_id'],
      [6, 'missing order id', 'order_id'],
      [7, 'unparseable date', 'date'],
      [8, 'not a number', 'amount'],
      [9, 'negative amount', 'amount'],
      [10, 'ragged row', 'amount'],
    ]);
    expect(log.rejected[1].expected).toContain('first used on line 2 of this file');
    expect(log.rejected[3].value).toBe('2025-13-01');
  });

  it('accounts for every row: read = used + rejected', () => {
    const a = log.accounting;
    expect([a.rowsRead, a.used, a.rejected]).toEqual([11, 4, 7]);
    expect(a.rowsRead).toBe(a.used + a.rejected);
    expect(a.byReason).toEqual({
      'missing customer': 1, 'duplicate order id': 1, 'missing order id': 1, 'unparseable date': 1, 'not a number': 1, 'negative amount': 1, 'ragged row': 1,
    });
  });

  it('keeps the used purchases with local calendar days and amounts', () => {
    expect(log.purchases).toEqual([
      { customer: 'C1', day: day('2025-01-01'), amount: 100 },
      { customer: 'C1', day: day('2025-02-01'), amount: 1200.5 },
      { customer: 'C3', day: day('2025-01-03'), amount: 99 },
      { customer: 'C3', day: day('2025-01-04'), amount: 0 },
    ]);
  });

  it('never keeps a customer or order id in a rejected row', () => {
    for (const r of log.rejected) expect(r.value).not.toMatch(/^[CO]\d$/);
  });

  it('puts a purchase on the calendar day of the survey time zone', () => {
    // 20:00 UTC on 1 January is 04:00 on 2 January in Shanghai (UTC+8).
    const text = 'order_id,customer_id,date,amount\nO1,C1,2025-01-01T20:00:00Z,5\n';
    expect(read(text, source, 'Asia/Shanghai').purchases[0].day).toBe(day('2025-01-02'));
    expect(read(text, source, 'UTC').purchases[0].day).toBe(day('2025-01-01'));
  });

  it('checks quantities when a quantity column is named, and works without an order column', () => {
    const s = { ...source, order: undefined, quantity: 'qty' };
    const q = read('customer_id,date,amount,qty\nC1,2025-01-01,5,2\nC1,2025-01-01,5,x\nC1,2025-01-01,5,-1\n', s);
    expect(q.purchases).toEqual([{ customer: 'C1', day: day('2025-01-01'), amount: 5, quantity: 2 }]);
    expect(q.rejected.map((r) => r.reason)).toEqual(['not a number', 'negative quantity']);
  });

  it('is fatal when a column is missing, naming the file, the header line and the closest name', () => {
    const e = thrown(() => read('order_id,customer_id,date,amout\nO1,C1,2025-01-01,1\n'));
    expect(e.message).toContain('missing column "amount" (transactions.amount');
    expect(e.where).toEqual({ file: 't.csv', line: 1 });
    expect(e.hint).toContain('"amout"');
    expect(e.exitCode).toBe(2);
  });

  it('is fatal for an empty file and for a header without rows', () => {
    expect(thrown(() => read('')).message).toContain('empty file');
    expect(thrown(() => read('order_id,customer_id,date,amount\n')).message).toContain('no data rows');
  });

  it('accounts for every row of any mix of good and bad rows (property)', () => {
    const cell = fc.constantFrom('C1', '', 'C2');
    const date = fc.constantFrom('2025-01-01', '2025-02-30', 'x', '2026-12-31');
    const amount = fc.constantFrom('1', '-1', 'abc', '2.5', '');
    const order = fc.constantFrom('O1', 'O2', 'O3', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(order, cell, date, amount), { minLength: 1, maxLength: 30 }), (rows) => {
        const text = ['order_id,customer_id,date,amount', ...rows.map((r) => r.join(','))].join('\n');
        const a = read(text).accounting;
        return a.rowsRead === rows.length && a.rowsRead === a.used + a.rejected && a.used === read(text).purchases.length;
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('parseNumber', () => {
  it('reads plain, grouped, full-width and currency-signed numbers, and nothing else', () => {
    expect([parseNumber('12'), parseNumber(' 1,234.5 '), parseNumber('１２３'), parseNumber('¥ 99'), parseNumber('-3'), parseNumber('1e3')]).toEqual([12, 1234.5, 123, 99, -3, 1000]);
    for (const bad of ['', 'abc', '1,23', '12,34,567', '1.2.3', '--1']) expect(parseNumber(bad)).toBeNaN();
  });
});

describe('readCustomerSummaries', () => {
  const s = { ...source, file: undefined, summary: '/tmp/s.csv' };
  const text = [
    'customer_id,frequency,recency,T,monetary',
    'C1,2,30.5,38.86,20.5', // used
    'C2,0,0,38.86,0', // used
    'C1,1,1,2,3', // duplicate customer
    ',1,1,2,3', // missing customer
    'C3,x,1,2,3', // not a number
    'C4,1.5,1,2,3', // out of range: frequency not whole
    'C5,1,3,2,3', // out of range: recency > T
    'C6,0,1,2,0', // out of range: recency without repeat purchases
    'C7,1,1,2,-3', // out of range: negative spend
  ].join('\n');
  const out = readCustomerSummaries(Buffer.from(text), s, 's.csv');

  it('keeps valid rows as x, tₓ, T and z̄', () => {
    expect(out.customer).toEqual(['C1', 'C2']);
    expect(Array.from(out.x)).toEqual([2, 0]);
    expect(Array.from(out.tx)).toEqual([30.5, 0]);
    expect(Array.from(out.T)).toEqual([38.86, 38.86]);
    expect(Array.from(out.monetary)).toEqual([20.5, 0]);
  });

  it('rejects each bad row with its reason and accounts for all rows', () => {
    expect(out.rejected.map((r) => [r.line, r.reason, r.column])).toEqual([
      [4, 'duplicate customer', 'customer_id'],
      [5, 'missing customer', 'customer_id'],
      [6, 'not a number', 'frequency'],
      [7, 'out of range', 'frequency'],
      [8, 'out of range', 'recency'],
      [9, 'out of range', 'recency'],
      [10, 'out of range', 'monetary'],
    ]);
    expect(out.accounting.rowsRead).toBe(out.accounting.used + out.accounting.rejected);
    expect(out.accounting.used).toBe(2);
  });

  it('is fatal when a summary column is missing', () => {
    const e = thrown(() => readCustomerSummaries(Buffer.from('customer_id,frequency,recency,monetary\nC1,0,0,0\n'), s, 's.csv'));
    expect(e.message).toContain('missing column "T"');
  });
});

describe('ingestTransactions', () => {
  it('reads the sample: 9,056 purchases, all used', () => {
    const t = ingestTransactions(loadConfig(path.resolve('data/survey.yaml')));
    expect(t?.kind).toBe('purchases');
    expect(t!.accounting).toMatchObject({ rowsRead: 9056, used: 9056, rejected: 0 });
  });

  it('reads a summary file when `summary` is given, and says when the file is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-'));
    fs.writeFileSync(path.join(dir, 'summary.csv'), 'customer_id,frequency,recency,T,monetary\nC1,1,2,3,4\n');
    const yaml = (file: string) => `
title: T
responses: { files: r.csv }
scales: { s5: { points: 5 } }
questions: [{ id: o, column: o, scale: s5, role: overall }]
transactions: { ${file} }
`;
    const withSummary = parseConfig(yaml('summary: summary.csv'), path.join(dir, 'survey.yaml'));
    expect(ingestTransactions(withSummary)).toMatchObject({ kind: 'summary', customer: ['C1'] });
    const missing = parseConfig(yaml('file: nope.csv'), path.join(dir, 'survey.yaml'));
    expect(thrown(() => ingestTransactions(missing)).message).toBe('transactions file not found');
  });
});
