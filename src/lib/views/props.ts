import { CsatError } from '../errors';
import { closest } from '../util/closest';

/**
 * Checks one component prop against its allowed values, so a typo in an MDX report fails the
 * build with a message naming the component, the prop, the value and what is allowed.
 */
export function checkProp<T extends string>(component: string, prop: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
  throw new CsatError(
    `<${component}> ${prop}=${JSON.stringify(value)} is not allowed; expected one of: ${allowed.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`,
  );
}

/** `plan=pro` → { segment: 'plan', value: 'pro' }; undefined or "all" → the overall cell. */
export function parseSegmentProp(component: string, value: unknown, segments: { id: string; values: string[] }[]): { segment: string; value: string } {
  if (value === undefined || value === 'all') return { segment: 'all', value: 'all' };
  const allowed = ['all', ...segments.flatMap((s) => s.values.map((v) => `${s.id}=${v}`))];
  const text = typeof value === 'string' ? value.normalize('NFKC').trim() : value;
  checkProp(component, 'segment', text, allowed);
  const [segment, ...rest] = (text as string).split('=');
  return { segment, value: rest.join('=') };
}
