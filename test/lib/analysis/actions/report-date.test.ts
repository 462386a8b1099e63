import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { overdueDays, parseStatus, periodEnd, resolveReportDate } from '../../../../src/lib/analysis/actions';
import { readDate } from '../../../../src/lib/analysis/actions/fields';
import { CsatError } from '../../../../src/lib/errors';

describe('report date', () => {
  it('ends a period on its last calendar day', () => {
    expect(periodEnd('2026-Q1')).toBe('2026-03-31');
    expect(periodEnd('2026-Q4')).toBe('2026-12-31');
    expect(periodEnd('2024-02')).toBe('2024-02-29'); // leap year
    expect(periodEnd('2100-02')).toBe('2100-02-28'); // century, not a leap year
    expect(periodEnd('2026')).toBe('2026-12-31');
    expect(periodEnd('all')).toBeNull();
  });

  it('takes the override, then the latest response date, then the end of the latest period', () => {
    expect(resolveReportDate({ override: '2026/11/5', latestResponse: '2026-12-20', latestPeriod: '2026-Q4' })).toBe('2026-11-05');
    expect(resolveReportDate({ override: '', latestResponse: '2026-12-20', latestPeriod: '2026-Q4' })).toBe('2026-12-20');
    expect(resolveReportDate({ latestPeriod: '2026-Q4' })).toBe('2026-12-31');
    expect(resolveReportDate({ latestPeriod: 'all' })).toBeNull();
    expect(() => resolveReportDate({ override: 'tomorrow' })).toThrow(CsatError);
    expect(() => resolveReportDate({ override: 'tomorrow' })).toThrow('REPORT_DATE "tomorrow" is not a date; expected YYYY-MM-DD');
  });
});

describe('overdue', () => {
  it('marks open actions past their due date, with the days since', () => {
    expect(overdueDays({ status: 'in_progress', due: '2026-10-31' }, '2026-12-31')).toBe(61); // Nov 30 + Dec 31
    expect(overdueDays({ status: 'planned', due: '2026-12-30' }, '2026-12-31')).toBe(1);
    expect(overdueDays({ status: 'planned', due: '2026-12-31' }, '2026-12-31')).toBeNull(); // due today is not late
    expect(overdueDays({ status: 'done', due: '2026-01-01' }, '2026-12-31')).toBeNull();
    expect(overdueDays({ status: 'dropped', due: '2026-01-01' }, '2026-12-31')).toBeNull();
    expect(overdueDays({ status: 'in_progress', due: null }, '2026-12-31')).toBeNull();
    expect(overdueDays({ status: 'in_progress', due: '2026-01-01' }, null)).toBeNull();
  });
});

describe('cells', () => {
  it('property: every calendar day reads back as itself, in any of the accepted spellings', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        for (const text of [iso, `${y}/${m}/${day}`, `${y}.${m}.${day}`, `${y}年${m}月${day}日`, ` ${iso}　`]) {
          expect(readDate(text)).toEqual({ ok: true, value: iso });
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('rejects impossible dates', () => {
    for (const text of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '26-01-01', '2026-01-01 09:00', '1.1.2026']) {
      expect(readDate(text).ok).toBe(false);
    }
  });

  it('reads status words in English and Chinese', () => {
    expect(['Planned', '计划中', 'not started'].map(parseStatus)).toEqual(['planned', 'planned', 'planned']);
    expect(['In progress', 'in-progress', '进行中', '实施中'].map(parseStatus)).toEqual(Array(4).fill('in_progress'));
    expect(['DONE', 'completed', '已完成'].map(parseStatus)).toEqual(['done', 'done', 'done']);
    expect(['cancelled', '已取消', '已放弃'].map(parseStatus)).toEqual(['dropped', 'dropped', 'dropped']);
    expect(parseStatus('maybe')).toBeUndefined();
  });
});
