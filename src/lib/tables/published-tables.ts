import type { Model } from '../model/load-model';
import { metricTables, type OutputTable } from './metric-tables';
import { publishedFiles, rejectionSummary } from '../views/quality';
import { segmentTableRows } from '../views/segment-table';
import { availableKpis } from '../views/kpi';
import { roundColumn, roundEdge } from '../format';
import type { Cell } from './csv';

/**
 * The tables published on the site (dist/data/): the metric tables and a rejection summary
 * with masked examples. Nothing here carries a response id or customer id, and no comment
 * text but the masked example quotes of the themes table.
 */
const cache = new WeakMap<Model, OutputTable[]>();

export function publishedTables(model: Model): OutputTable[] {
  let tables = cache.get(model);
  if (!tables) cache.set(model, (tables = buildTables(model)));
  return tables;
}

function buildTables(model: Model): OutputTable[] {
  const rejected = rejectionSummary(model.metrics.rejected, model.config, 3).flatMap((r) =>
    r.examples.map((e) => ({ reason: r.reason, count: r.count, file: e.file, line: e.line, column: e.column, value: e.value ?? '', expected: e.expected })),
  );
  return [
    ...metricTables(model),
    segmentsTable(model),
    { name: 'rejected', columns: ['reason', 'count', 'file', 'line', 'column', 'value', 'expected'], rows: rejected },
    ...qualityTables(model),
  ];
}

/** The data-quality tables of the methodology page: rows per input file, and missing answers per question. */
function qualityTables(model: Model): OutputTable[] {
  const a = model.metrics.accounting;
  const files = publishedFiles(a.files, model.config).map((f) => ({ file: f.file, rows_read: f.rowsRead, used: f.used, rejected: f.rejected }));
  const missing = model.config.questions.map((q) => ({ question: q.id, missing_rate: roundEdge(a.missingRate[q.id]) }));
  return [
    { name: 'files', columns: ['file', 'rows_read', 'used', 'rejected'], rows: files },
    { name: 'missing', columns: ['question', 'missing_rate'], rows: missing },
  ];
}

/** The segment comparison shown on period pages: each KPI per segment value, with its gap test. */
function segmentsTable(model: Model): OutputTable {
  const kpis = availableKpis(model.config);
  const rows = model.metrics.periods.flatMap((period) =>
    segmentTableRows(model.metrics, model.config, period).map((r) => {
      const row: Record<string, Cell> = { period, segment: r.segment, segment_value: r.value, n: r.n };
      r.cells.forEach(({ kpi, gap }) => {
        row[kpi.metric] = roundEdge(kpi.value);
        row[`${kpi.metric}_suppressed`] = kpi.suppressed;
        row[`${kpi.metric}_gap`] = roundEdge(gap?.delta);
        row[`${kpi.metric}_gap_q`] = roundColumn('q', gap?.q);
        row[`${kpi.metric}_gap_significant`] = gap?.significant ?? null;
      });
      return row;
    }),
  );
  const columns = ['period', 'segment', 'segment_value', 'n', ...kpis.flatMap((k) => [k, `${k}_suppressed`, `${k}_gap`, `${k}_gap_q`, `${k}_gap_significant`])];
  return { name: 'segments', columns, rows };
}
