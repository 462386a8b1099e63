import type { Locale } from '../lib/config/types';
import { loadModel, type Model } from '../lib/model';
import { formatNumber, formatP, type FormatName } from '../lib/format';
import { withBase, periodSlug } from '../lib/url';
import { translator, type UiKey } from '../i18n';

/** What every page and component needs: the one memoised model, the locale and helpers. */
export interface Site {
  model: Model;
  locale: Locale;
  t: (key: UiKey, values?: Record<string, string | number>) => string;
  fmt: (value: number | null | undefined, format: FormatName) => string;
  p: (value: number | null | undefined) => string;
  href: (path: string) => string;
  periodHref: (period: string) => string;
  label: (text: Record<Locale, string>) => string;
}

export function site(): Site {
  const model = loadModel();
  // SITE_LOCALE overrides the survey's locale, e.g. to publish an English copy.
  const override = process.env.SITE_LOCALE;
  const locale: Locale = override === 'en' || override === 'zh-CN' ? override : model.config.locale;
  const base = import.meta.env.BASE_URL;
  return {
    model,
    locale,
    t: translator(locale),
    fmt: (v, f) => formatNumber(v, f, locale),
    p: (v) => formatP(v, locale),
    href: (path) => withBase(base, path),
    periodHref: (period) => withBase(base, `periods/${periodSlug(period)}/`),
    label: (text) => text[locale],
  };
}
