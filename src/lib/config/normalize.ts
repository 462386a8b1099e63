import path from 'node:path';
import type { SurveySpec } from './schema';
import type {
  CommentColumn, DriverSettings, Locale, Localized, Question, Scale, Segment, SurveyConfig, ThemeSettings,
  TransactionsSource, Weighting,
} from './types';
import { LOCALES } from './types';
import { closest } from '../util/closest';
import { normalizeLabel } from '../util/text';

/** A semantic problem in the survey definition, with the YAML path it belongs to. */
export class ConfigIssue extends Error {
  constructor(readonly path: (string | number)[], message: string) {
    super(message);
  }
}

const fail = (at: (string | number)[], message: string): never => {
  throw new ConfigIssue(at, message);
};

export function normalizeLocalized(value: SurveySpec['title'] | undefined, fallback: string): Localized {
  if (value === undefined) return { 'zh-CN': fallback, en: fallback };
  if (typeof value === 'string') return { 'zh-CN': value, en: value };
  const any = value['zh-CN'] ?? value.en ?? fallback;
  return { 'zh-CN': value['zh-CN'] ?? any, en: value.en ?? any };
}

const hasCjk = (s: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(s);

export function normalizeScale(id: string, spec: SurveySpec['scales'][string]): Scale {
  const min = spec.min ?? (spec.points === 11 ? 0 : 1);
  const max = min + spec.points - 1;
  const labels = new Map<string, number>();
  const levelLabels: Record<Locale, string[]> = { 'zh-CN': [], en: [] };
  for (let v = min; v <= max; v++) for (const l of LOCALES) levelLabels[l].push(String(v));
  const seen: Record<Locale, Set<number>> = { 'zh-CN': new Set(), en: new Set() };
  for (const [label, value] of Object.entries(spec.labels ?? {})) {
    if (value < min || value > max) fail(['scales', id, 'labels', label], `value ${value} is outside the scale ${min}–${max}`);
    const key = normalizeLabel(label);
    if (labels.has(key) && labels.get(key) !== value) fail(['scales', id, 'labels', label], `label "${label}" maps to two values`);
    labels.set(key, value);
    // The first CJK label of a level names it in Chinese, the first other label in English.
    const locale: Locale = hasCjk(label) ? 'zh-CN' : 'en';
    if (!seen[locale].has(value)) {
      seen[locale].add(value);
      levelLabels[locale][value - min] = label.trim();
    }
  }
  for (let v = min; v <= max; v++) {
    if (!seen['zh-CN'].has(v) && seen.en.has(v)) levelLabels['zh-CN'][v - min] = levelLabels.en[v - min];
    if (!seen.en.has(v) && seen['zh-CN'].has(v)) levelLabels.en[v - min] = levelLabels['zh-CN'][v - min];
  }
  const missing = new Set((spec.missing ?? []).map((m) => normalizeLabel(String(m))));
  for (const m of missing) if (labels.has(m)) fail(['scales', id, 'missing'], `"${m}" is both a label and a missing code`);
  return { id, min, max, points: spec.points, labels, levelLabels, missing };
}

export function normalizeQuestions(spec: SurveySpec, scales: Map<string, Scale>): Question[] {
  const ids = new Set<string>();
  const questions = spec.questions.map((q, i): Question => {
    const at = ['questions', i];
    if (ids.has(q.id)) fail([...at, 'id'], `duplicate question id "${q.id}"`);
    ids.add(q.id);
    const scale = scales.get(q.scale);
    if (!scale) {
      const hint = closest(q.scale, [...scales.keys()]);
      fail([...at, 'scale'], `unknown scale "${q.scale}"; defined scales: ${[...scales.keys()].join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    const s = scale as Scale;
    if (q.role === 'nps' && (s.min !== 0 || s.max !== 10)) fail([...at, 'scale'], `an nps question needs a 0–10 scale; "${s.id}" is ${s.min}–${s.max}`);
    if (q.role === 'ces' && (s.min !== 1 || s.max !== 7)) fail([...at, 'scale'], `a ces question needs a 1–7 scale; "${s.id}" is ${s.min}–${s.max}`);
    let positive: number | undefined;
    if (q.role === 'outcome') {
      if (q.positive === undefined) fail([...at, 'positive'], 'an outcome question needs `positive`: the answer that counts as yes');
      const key = normalizeLabel(String(q.positive));
      positive = s.labels.get(key) ?? (Number.isInteger(Number(key)) ? Number(key) : undefined);
      if (positive === undefined || positive < s.min || positive > s.max) {
        fail([...at, 'positive'], `"${q.positive}" is not a label or value of scale "${s.id}"`);
      }
    } else if (q.positive !== undefined) fail([...at, 'positive'], '`positive` is only for role outcome');
    if (q.group !== undefined && spec.groups[q.group] === undefined && Object.keys(spec.groups).length > 0) {
      fail([...at, 'group'], `unknown group "${q.group}"; defined groups: ${Object.keys(spec.groups).join(', ')}`);
    }
    return { id: q.id, column: q.column, label: normalizeLocalized(q.label, q.column), scale: s, role: q.role, group: q.group, weight: q.weight, positive };
  });
  const indicators = questions.filter((q) => q.role === 'indicator');
  if (indicators.length > 0 && !indicators.some((q) => q.weight > 0)) fail(['questions'], 'at least one indicator needs a weight > 0');
  for (const role of ['overall', 'nps', 'ces'] as const) {
    const withRole = questions.filter((q) => q.role === role);
    if (withRole.length > 1) fail(['questions', spec.questions.findIndex((q, i) => i > 0 && q.id === withRole[1].id), 'role'], `only one question may have role ${role}`);
  }
  return questions;
}

export function normalizeSegments(spec: SurveySpec): Segment[] {
  const ids = new Set<string>();
  return spec.segments.map((s, i) => {
    if (ids.has(s.id)) fail(['segments', i, 'id'], `duplicate segment id "${s.id}"`);
    ids.add(s.id);
    // A language without a name shows the value as written in the data (not the other language's name).
    const valueLabels = Object.fromEntries(Object.entries(s.value_labels ?? {}).map(([v, l]) => {
      const value = normalizeLabel(v, false);
      return [value, typeof l === 'string' ? { 'zh-CN': l, en: l } : { 'zh-CN': l['zh-CN'] ?? value, en: l.en ?? value }];
    }));
    return { id: s.id, column: s.column, label: normalizeLocalized(s.label, s.column), order: (s.order ?? []).map((v) => normalizeLabel(String(v), false)), valueLabels };
  });
}

export function normalizeComments(spec: SurveySpec): CommentColumn[] {
  return spec.comments.map((c, i) => (typeof c === 'string' ? { id: i === 0 ? 'comment' : `comment_${i + 1}`, column: c } : c));
}

export function normalizeTargets(spec: SurveySpec, questions: Question[]): Record<string, number> {
  const known = ['index', 'csat', 'nps', 'ces', ...questions.map((q) => q.id)];
  for (const key of Object.keys(spec.targets)) {
    if (!known.includes(key)) {
      const hint = closest(key, known);
      fail(['targets', key], `unknown metric "${key}"; targets take: ${known.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  return { ...spec.targets };
}

export function normalizeWeighting(spec: SurveySpec, segments: Segment[]): Weighting | undefined {
  const w = spec.weighting;
  if (!w) return undefined;
  const margins: Weighting['margins'] = {};
  for (const [segmentId, shares] of Object.entries(w.margins)) {
    if (!segments.some((s) => s.id === segmentId)) {
      fail(['weighting', 'margins', segmentId], `unknown segment "${segmentId}"; segments: ${segments.map((s) => s.id).join(', ') || '(none)'}`);
    }
    const total = Object.values(shares).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-6) fail(['weighting', 'margins', segmentId], `population shares sum to ${total}; expected 1`);
    margins[segmentId] = Object.fromEntries(Object.entries(shares).map(([k, v]) => [normalizeLabel(k, false), v]));
  }
  if (w.method === 'poststratify' && Object.keys(margins).length !== 1) fail(['weighting', 'margins'], 'poststratify takes exactly one segment margin; use method rake for several');
  if (w.trim?.min !== undefined && w.trim.max !== undefined && w.trim.min >= w.trim.max) fail(['weighting', 'trim'], 'trim.min must be below trim.max');
  return { method: w.method, margins, trim: w.trim };
}

export function normalizeDrivers(spec: SurveySpec, questions: Question[]): DriverSettings {
  const d = spec.drivers;
  const outcome = d.outcome ?? questions.find((q) => q.role === 'overall')?.id ?? questions.find((q) => q.role === 'outcome')?.id ?? questions.find((q) => q.role === 'nps')?.id ?? '';
  if (d.outcome !== undefined) {
    const q = questions.find((x) => x.id === d.outcome);
    if (!q || q.role === 'indicator') {
      const allowed = questions.filter((x) => x.role !== 'indicator').map((x) => x.id);
      fail(['drivers', 'outcome'], `"${d.outcome}" is not an overall, outcome, nps or ces question; choose one of: ${allowed.join(', ') || '(none)'}`);
    }
  }
  return { outcome, poolPeriods: d.pool_periods, performance: d.performance, minPerDriver: d.min_per_driver };
}

export function normalizeThemes(spec: SurveySpec): ThemeSettings {
  const t = spec.themes;
  return { dictionary: t.dictionary.map((w) => w.normalize('NFKC').toLowerCase()), stopwords: t.stopwords.map((w) => w.normalize('NFKC').toLowerCase()), minDocs: t.min_docs, dissatisfied: t.dissatisfied, top: t.top };
}

export function normalizeTransactions(spec: SurveySpec, dir: string): TransactionsSource | undefined {
  const t = spec.transactions;
  if (!t) return undefined;
  return {
    file: t.file && path.resolve(dir, t.file), summary: t.summary && path.resolve(dir, t.summary),
    customer: t.customer, date: t.date, amount: t.amount, order: t.order, quantity: t.quantity,
    dateFormat: t.date_format, currency: t.currency, timeUnit: t.time_unit, margin: t.margin,
    discountRate: t.discount_rate, horizon: t.horizon, retention: t.retention,
  };
}

/** `responses` reads either the exports (files) or a statistics file; the latter has no rows to weight or join. */
function checkStatisticsMode(spec: SurveySpec): void {
  const r = spec.responses;
  if (r.files === undefined && r.statistics === undefined) fail(['responses'], 'responses needs files (the survey exports) or statistics (a sufficient-statistics file)');
  if (r.statistics === undefined) return;
  if (r.files !== undefined) fail(['responses', 'statistics'], 'give either files or statistics, not both');
  if (spec.weighting) fail(['weighting'], 'weighting needs the response rows; with responses.statistics, put the weights into the statistics file (sum_w, sum_w2)');
  if (spec.transactions) fail(['transactions'], 'the loyalty analysis joins responses to customers; with responses.statistics there are no response rows to join');
}

/** Builds the checked config from a structurally valid spec; `file` is the definition's path. */
export function normalizeSurvey(spec: SurveySpec, file: string): SurveyConfig {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const scales = new Map(Object.entries(spec.scales).map(([id, s]) => [id, normalizeScale(id, s)]));
  const questions = normalizeQuestions(spec, scales);
  const segments = normalizeSegments(spec);
  const r = spec.responses;
  if (spec.weighting && spec.weighting.margins === undefined) fail(['weighting'], 'weighting needs margins');
  checkStatisticsMode(spec);
  return {
    path: abs,
    dir,
    title: normalizeLocalized(spec.title, 'Survey'),
    locale: spec.locale,
    timezone: normalizeTimezone(spec.timezone),
    responses: {
      files: (r.files === undefined ? [] : Array.isArray(r.files) ? r.files : [r.files]).map((f) => path.resolve(dir, f).split(path.sep).join('/')),
      statistics: r.statistics === undefined ? undefined : path.resolve(dir, r.statistics),
      encoding: r.encoding.toLowerCase(),
      delimiter: r.delimiter,
      id: r.id, customer: r.customer, date: r.date, dateFormat: r.date_format,
    },
    // Periods come from the dates, or labelled already in a statistics file.
    period: r.date || r.statistics ? spec.period : 'none',
    segments,
    scales,
    questions,
    groups: Object.fromEntries(Object.entries(spec.groups).map(([k, v]) => [k, normalizeLocalized(v, k)])),
    comments: normalizeComments(spec),
    targets: normalizeTargets(spec, questions),
    thresholds: { ...spec.thresholds },
    weighting: normalizeWeighting(spec, segments),
    drivers: normalizeDrivers(spec, questions),
    themes: normalizeThemes(spec),
    actions: spec.actions && { file: path.resolve(dir, spec.actions.file) },
    transactions: normalizeTransactions(spec, dir),
  };
}

function normalizeTimezone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    fail(['timezone'], `unknown time zone "${tz}"; expected an IANA name such as UTC or Asia/Shanghai`);
  }
  return tz;
}
