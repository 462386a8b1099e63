import type { SurveyConfig } from '../../config/types';
import { wallClock } from '../../ingest/dates';
import { normalizeHeader } from '../../ingest/header';
import { closest } from '../../util/closest';
import { normalizeLabel } from '../../util/text';

/**
 * Readers for single cells of actions.csv. Each returns a value or a problem text (what was
 * found and what is expected); the validator adds file, line and column.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string; hint?: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (problem: string, hint?: string): Read<never> => ({ ok: false, problem, hint });

// Year first, then month and day, separated by -, / or . (Excel rewrites 2026-04-20 as 2026/4/20), or 2026年4月20日.
const DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;

/** A calendar date as `YYYY-MM-DD`; the day of the survey's calendar, no time zone involved. */
export function readDate(text: string): Read<string> {
  const s = normalizeLabel(text);
  const m = DATE.exec(s);
  if (!m || Number.isNaN(wallClock(+m[1], +m[2], +m[3], 0, 0, 0))) {
    return bad(`"${text.trim()}" is not a date; expected YYYY-MM-DD, e.g. 2026-07-01`);
  }
  return ok(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
}

/** A target in the metric's display units, within its range; a trailing % is allowed. */
export function readTarget(text: string, range: [number, number]): Read<number> {
  const s = normalizeLabel(text).replace(/%$/, '').trim();
  const value = s === '' ? NaN : Number(s);
  if (!Number.isFinite(value)) return bad(`"${text.trim()}" is not a number; expected a target between ${range[0]} and ${range[1]}`);
  if (value < range[0] || value > range[1]) return bad(`target ${value} is outside ${range[0]}–${range[1]}, the range of the targeted metric`);
  return ok(value);
}

/**
 * A segment filter `segment=value` (blank or `all` = everyone). The segment may be named by
 * its id, its column or its label; the value must be one the data has (or the definition
 * lists). One filter per action.
 */
export function readSegment(text: string, config: SurveyConfig, values: Record<string, readonly string[]>): Read<{ segment: string; value: string }> {
  const s = normalizeLabel(text, false);
  if (s === '' || s.toLowerCase() === 'all') return ok({ segment: 'all', value: 'all' });
  const eq = s.indexOf('=');
  if (eq < 0) return bad(`"${s}" is not a segment filter; expected segment=value, e.g. ${example(config, values)}, or blank for everyone`);
  const name = normalizeHeader(s.slice(0, eq));
  const value = normalizeLabel(s.slice(eq + 1), false);
  const segment = config.segments.find((x) => [x.id, x.column, x.label['zh-CN'], x.label.en].some((n) => normalizeHeader(n) === name));
  if (!segment) {
    const ids = config.segments.map((x) => x.id);
    const near = closest(s.slice(0, eq).trim(), ids);
    return bad(`unknown segment "${s.slice(0, eq).trim()}"; segments: ${ids.join(', ') || '(none)'}`, near && `did you mean "${near}"?`);
  }
  const known = [...new Set([...segment.order, ...(values[segment.id] ?? [])])];
  if (!known.includes(value)) {
    const near = closest(value, known);
    return bad(`unknown value "${value}" of segment ${segment.id}; values: ${known.join(', ') || '(none)'}`, near && `did you mean "${near}"?`);
  }
  return ok({ segment: segment.id, value });
}

function example(config: SurveyConfig, values: Record<string, readonly string[]>): string {
  const s = config.segments[0];
  if (!s) return 'plan=enterprise';
  return `${s.id}=${s.order[0] ?? values[s.id]?.[0] ?? 'value'}`;
}
