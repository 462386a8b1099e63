import type { Locale } from '../lib/config/types';
import { en, type UiKey } from './en';
import { zhCN } from './zh-CN';

export type { UiKey };
const strings: Record<Locale, Record<UiKey, string>> = { en, 'zh-CN': zhCN };

/** A UI string in the locale, with `{name}` placeholders filled. */
export function t(locale: Locale, key: UiKey, values: Record<string, string | number> = {}): string {
  return strings[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A translator bound to one locale, for components. */
export const translator = (locale: Locale) => (key: UiKey, values?: Record<string, string | number>) => t(locale, key, values);
