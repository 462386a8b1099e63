import type { ColumnTable } from 'arquero';
import type { SurveyConfig } from '../config/types';
import { CsatError } from '../errors';
import { postStratificationWeights, rakeWeights } from '../metrics/weighting';

/**
 * Respondent weights from the survey definition's weighting section, fitted within each
 * period (each wave is matched to the population on its own). Undefined when weighting is off.
 */
export function surveyWeights(table: ColumnTable, periods: string[], config: SurveyConfig): Float64Array | undefined {
  const w = config.weighting;
  if (!w) return undefined;
  const rows = table.numRows();
  const out = new Float64Array(rows);
  const period = table.array('period') as string[];
  for (const p of periods) {
    const idx: number[] = [];
    for (let i = 0; i < rows; i++) if (period[i] === p) idx.push(i);
    const margins = Object.entries(w.margins).map(([variable, targets]) => {
      const column = table.array(variable) as string[];
      return { variable, values: idx.map((i) => column[i]), targets };
    });
    let weights: Float64Array;
    try {
      weights = w.method === 'poststratify'
        ? postStratificationWeights(margins[0].values, margins[0].targets)
        : rakeWeights(margins, { trim: w.trim });
    } catch (e) {
      throw new CsatError(`weighting in period ${p}: ${(e as Error).message}`, { file: config.path }, { hint: 'check weighting.margins against the segment values found (npm run validate)' });
    }
    idx.forEach((row, k) => (out[row] = weights[k]));
  }
  return out;
}
