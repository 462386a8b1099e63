/** Small input checks shared by the chart modules. */

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Throws when two rows share a key, since both would be drawn in the same place. */
export function assertUniqueKeys<T>(rows: readonly T[], key: (row: T) => string, describe: (row: T) => string, chart: string): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    if (seen.has(k)) throw new Error(`${chart}: ${describe(row)} appears twice; give one row each`);
    seen.add(k);
  }
}

/** A value as it should appear in an error message: numbers plainly (NaN, not null). */
export function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
