import type { Locale, SurveyConfig } from '../lib/config/types';
import type { RejectedRow } from '../lib/ingest/types';
import { answerChoices } from '../lib/ingest/values';
import { dateExample } from '../lib/ingest/dates';
import { t } from './index';

/**
 * What a rejected cell should have held, in the page's language, from the row's reason and
 * detail and the survey definition. In English it reads as ingest's own `expected` (a test
 * compares them on every rejected row of the sample); a row without the detail its reason
 * needs keeps that English text.
 */
export function expectedText(row: RejectedRow, config: SurveyConfig, locale: Locale): string {
  const d = row.detail ?? {};
  const list = (items: string[]) => items.join(t(locale, 'expect.listSeparator'));
  switch (row.reason) {
    case 'unknown label':
    case 'out of range':
    case 'not a number': {
      const scale = config.questions.find((q) => q.id === d.question)?.scale;
      if (!scale) break;
      // The labels a cell may hold are the data's own, in the survey's language, whatever the page's.
      const { labelled, missing } = answerChoices(scale, config.locale);
      const values = { labels: list(labelled), min: scale.min, max: scale.max, missing: list([t(locale, 'expect.blank'), ...missing]) };
      return t(locale, labelled.length ? 'expect.answer' : 'expect.answerNumbers', values);
    }
    case 'unparseable date':
      return t(locale, 'expect.date', { format: config.responses.dateFormat, example: dateExample(config.responses.dateFormat) });
    case 'future date':
      if (d.notAfter) return t(locale, 'expect.notAfter', { instant: d.notAfter });
      break;
    case 'duplicate id':
      if (d.firstUsed) return t(locale, 'expect.unusedId', { at: d.firstUsed });
      break;
    case 'missing id':
      return t(locale, 'expect.id');
    case 'ragged row':
      if (d.fields !== undefined && d.found !== undefined) return t(locale, 'expect.fields', { fields: d.fields, found: d.found });
      break;
    case 'no answers':
      return t(locale, 'expect.anyAnswer', { n: config.questions.length });
  }
  return row.expected;
}
