/** The benchmark's result rows and their printed table. */
export interface ResultRow {
  task: string;
  system: string;
  /** Median wall time of the whole process (spawn to exit), seconds. */
  wallS: number;
  /** Median time of the stage alone (after the process loaded its modules), seconds. */
  stageS: number | null;
  /** Median CPU time (all threads) of the stage, seconds. */
  cpuS: number | null;
  /** The highest peak RSS of the runs (the target is a ceiling), MiB. */
  peakRssMiB: number | null;
  /** Each run's peak RSS, MiB. */
  runsRssMiB?: number[];
  rowsPerS: number | null;
  /** Stage time over the fastest DuckDB query's (data stage), or wall time over the bare Astro build's (site). */
  ratio: number | null;
  ratioTo?: string;
  /** Data stage: stage time over DuckDB's with labels trimmed and lower-cased (the same label rules as ingest). */
  ratioNormalized?: number;
  /**
   * Data stage: each run's stage time over the exact-label DuckDB run right after it, sorted.
   * Runs next to each other meet the same load on a shared host, so their median moves less
   * than the ratio of the medians.
   */
  pairedRatios?: number[];
  /** Each run's wall time, seconds. */
  runsS: number[];
}

const fixed = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));

export function formatTable(rows: ResultRow[]): string {
  const header = ['task', 'system', 'stage s', 'process s', 'CPU s', 'peak RSS MiB', 'rows/s', 'ratio', 'ratio (trimmed labels)'];
  const body = rows.map((r) => [
    r.task, r.system, fixed(r.stageS, 2), fixed(r.wallS, 2), fixed(r.cpuS, 2), fixed(r.peakRssMiB, 0),
    r.rowsPerS === null ? '–' : Math.round(r.rowsPerS).toLocaleString('en-US'),
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)}× ${r.ratioTo ?? 'DuckDB'}`,
    r.ratioNormalized === undefined ? '' : `${r.ratioNormalized.toFixed(2)}×`,
  ]);
  const lines = [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}
