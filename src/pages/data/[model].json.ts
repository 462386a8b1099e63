import type { APIRoute } from 'astro';
import { loadModel } from '../../lib/model';
import { clvModelJson } from '../../lib/tables/loyalty-tables';

/** clv_model.json: the CLV models' settings, parameters, fit and holdout check (aggregates only). */
export function getStaticPaths() {
  return clvModelJson(loadModel()) ? [{ params: { model: 'clv_model' } }] : [];
}

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(clvModelJson(loadModel()), null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
