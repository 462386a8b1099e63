/** Joins the site base (e.g. "/" or "/csat/") and a site path, so every link works under a sub-path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** URL slug of a period label: 2026-Q3 → 2026-q3 (stable: a new period never renames old ones). */
export const periodSlug = (period: string) => period.toLowerCase();
