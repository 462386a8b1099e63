import type { APIRoute } from 'astro';
import { loadModel } from '../../lib/model';
import { publishedTables } from '../../lib/tables/published-tables';
import { toCsv } from '../../lib/tables/csv';

/** Every published table as CSV (UTF-8 with BOM, formulas neutralised) and JSON. */
export function getStaticPaths() {
  return publishedTables(loadModel()).flatMap((t) => [
    { params: { file: `${t.name}.csv` }, props: { name: t.name, format: 'csv' } },
    { params: { file: `${t.name}.json` }, props: { name: t.name, format: 'json' } },
  ]);
}

export const GET: APIRoute = ({ props }) => {
  const table = publishedTables(loadModel()).find((t) => t.name === props.name)!;
  if (props.format === 'csv') {
    return new Response(toCsv(table.columns, table.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  return new Response(`${JSON.stringify(table.rows, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
