import { afterEach, describe, expect, it } from 'vitest';
import { DateReader, PeriodAssigner, dateFormatProblem, parseDate } from '../../../src/lib/ingest/dates';
import { TimeZone, civil } from '../../../src/lib/ingest/timezone';

const utc = (s: string) => Date.parse(s);

describe('parseDate with a date_format', () => {
  it('reads the format in the survey time zone (Asia/Shanghai is UTC+8 all year, no DST)', () => {
    expect(parseDate('2026-07-01 09:30', 'YYYY-MM-DD HH:mm', 'Asia/Shanghai')).toBe(utc('2026-07-01T01:30:00Z'));
    expect(parseDate('2026-07-01 09:30', 'YYYY-MM-DD HH:mm', 'UTC')).toBe(utc('2026-07-01T09:30:00Z'));
  });

  it('lets the format decide day-first or month-first', () => {
    expect(parseDate('03/04/2026', 'DD/MM/YYYY', 'UTC')).toBe(utc('2026-04-03T00:00:00Z'));
    expect(parseDate('03/04/2026', 'MM/DD/YYYY', 'UTC')).toBe(utc('2026-03-04T00:00:00Z'));
    expect(parseDate('13/04/2026', 'MM/DD/YYYY', 'UTC')).toBeNaN();
  });

  it('accepts single digits, a missing time part, extra seconds and surrounding spaces', () => {
    expect(parseDate('2026/7/1 9:05', 'YYYY/MM/DD HH:mm', 'UTC')).toBe(utc('2026-07-01T09:05:00Z'));
    expect(parseDate('2026-07-01', 'YYYY-MM-DD HH:mm', 'UTC')).toBe(utc('2026-07-01T00:00:00Z'));
    expect(parseDate('2026-07-01 09:05:59', 'YYYY-MM-DD HH:mm', 'UTC')).toBe(utc('2026-07-01T09:05:59Z'));
    expect(parseDate(' 2026-07-01 ', 'YYYY-MM-DD', 'UTC')).toBe(utc('2026-07-01T00:00:00Z'));
    expect(parseDate('2026年7月1日', 'YYYY年M月D日', 'UTC')).toBe(utc('2026-07-01T00:00:00Z'));
    expect(parseDate('20260701', 'YYYYMMDD', 'UTC')).toBe(utc('2026-07-01T00:00:00Z'));
  });

  it('accepts ISO 8601 whatever the format, honouring an explicit offset', () => {
    expect(parseDate('2026-06-30T16:30:00Z', 'DD/MM/YYYY', 'Asia/Shanghai')).toBe(utc('2026-06-30T16:30:00Z'));
    expect(parseDate('2026-07-01T00:30:00+08:00', 'DD/MM/YYYY', 'UTC')).toBe(utc('2026-06-30T16:30:00Z'));
    expect(parseDate('2026-07-01T00:30:00.123-0230', 'DD/MM/YYYY', 'UTC')).toBe(utc('2026-07-01T03:00:00Z'));
    expect(parseDate('2026-07-01T00:30', 'DD/MM/YYYY', 'Asia/Shanghai')).toBe(utc('2026-06-30T16:30:00Z'));
  });

  it('gives NaN for impossible or garbled values', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-01-01 24:00', '2026-01-01 10:60', '#VALUE!', '', '26-01-01', '2026-01-01 10:00 extra', '46204.5']) {
      expect(parseDate(bad, 'YYYY-MM-DD HH:mm', 'UTC'), bad).toBeNaN();
    }
    expect(parseDate('2024-02-29', 'YYYY-MM-DD', 'UTC')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(parseDate('2100-02-29', 'YYYY-MM-DD', 'UTC')).toBeNaN();
  });

  it('names what is wrong with a format', () => {
    expect(dateFormatProblem('YYYY-MM-DD HH:mm')).toBeUndefined();
    expect(dateFormatProblem('yyyy-MM-dd')).toContain('unknown token at "yyyy-MM-dd"');
    expect(dateFormatProblem('MM/YYYY')).toContain('needs YYYY, MM and DD');
    expect(dateFormatProblem('YYYY-MM-DD-DD')).toContain('token twice');
  });
});

describe('time zones through Intl, never the machine clock', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('puts a timestamp near a quarter boundary in the right quarter, whatever process.env.TZ is', () => {
    // 2026-03-31T16:30Z is 2026-04-01 00:30 in Shanghai (UTC+8): Q2 there, Q1 in UTC.
    const instant = utc('2026-03-31T16:30:00Z');
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      const shanghai = new PeriodAssigner('quarter', new TimeZone('Asia/Shanghai'));
      const inUtc = new PeriodAssigner('quarter', new TimeZone('UTC'));
      expect(shanghai.label(shanghai.indexOf(instant))).toBe('2026-Q2');
      expect(inUtc.label(inUtc.indexOf(instant))).toBe('2026-Q1');
      expect(parseDate('2026-04-01 00:30', 'YYYY-MM-DD HH:mm', 'Asia/Shanghai')).toBe(instant);
    }
  });

  it('handles daylight saving: skipped times move forward, repeated times take the earlier instant', () => {
    // US 2026: DST starts 8 March 02:00 (EST −5 → EDT −4) and ends 1 November 02:00.
    const ny = new TimeZone('America/New_York');
    expect(ny.toInstant(Date.UTC(2026, 2, 8, 1, 30))).toBe(utc('2026-03-08T06:30:00Z'));
    expect(ny.toInstant(Date.UTC(2026, 2, 8, 2, 30))).toBe(utc('2026-03-08T07:30:00Z')); // 03:30 EDT
    expect(ny.toInstant(Date.UTC(2026, 2, 8, 3, 30))).toBe(utc('2026-03-08T07:30:00Z'));
    expect(ny.toInstant(Date.UTC(2026, 10, 1, 1, 30))).toBe(utc('2026-11-01T05:30:00Z')); // EDT, the earlier
    expect(ny.toInstant(Date.UTC(2026, 6, 1, 12, 0))).toBe(utc('2026-07-01T16:00:00Z'));
    expect(ny.offsetAt(utc('2026-01-15T12:00:00Z'))).toBe(-5 * 3_600_000);
    expect(new TimeZone('Asia/Kolkata').offsetAt(utc('2026-01-15T12:00:00Z'))).toBe(5.5 * 3_600_000);
  });
});

describe('PeriodAssigner', () => {
  it('labels months, quarters and years and orders them in time', () => {
    const zone = new TimeZone('UTC');
    const months = new PeriodAssigner('month', zone);
    const quarters = new PeriodAssigner('quarter', zone);
    const years = new PeriodAssigner('year', zone);
    for (const d of ['2026-07-15', '2025-12-31', '2026-01-01', '2026-10-01']) {
      months.indexOf(utc(`${d}T12:00:00Z`));
      quarters.indexOf(utc(`${d}T12:00:00Z`));
      years.indexOf(utc(`${d}T12:00:00Z`));
    }
    expect(months.order().map((i) => months.label(i))).toEqual(['2025-12', '2026-01', '2026-07', '2026-10']);
    expect(quarters.order().map((i) => quarters.label(i))).toEqual(['2025-Q4', '2026-Q1', '2026-Q3', '2026-Q4']);
    expect(years.order().map((i) => years.label(i))).toEqual(['2025', '2026']);
  });

  it('has the single period all for a survey without dates', () => {
    const p = new PeriodAssigner('none', new TimeZone('UTC'));
    expect(p.label(p.all())).toBe('all');
  });
});

describe('civil', () => {
  it('turns days since 1970-01-01 into dates (checked against Date)', () => {
    for (const days of [-719468, -1, 0, 59, 365, 11016, 20635, 2932896]) {
      const d = new Date(days * 86_400_000);
      expect(civil(days)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    }
  });
});

describe('DateReader on bytes', () => {
  it('reads a byte range of a larger buffer the same as text', () => {
    const reader = new DateReader('YYYY-MM-DD HH:mm', new TimeZone('Asia/Shanghai'));
    const buf = Buffer.from('x,2026-07-01 09:30,y');
    expect(reader.ofBytes(buf, 2, 18)).toBe(reader.ofText('2026-07-01 09:30'));
  });
});
