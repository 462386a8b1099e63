import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/lib/config';
import { CsatError } from '../../../../src/lib/errors';
import { readActionsFile } from '../../../../src/lib/ingest/actions';
import { ingestResponses } from '../../../../src/lib/ingest/ingest';
import { buildModel } from '../../../../src/lib/model/load-model';
import { corpusCases } from '../../../helpers/bad-corpus';

/**
 * The bad actions.csv cases of the bad-input corpus: each folder test/fixtures/bad/actions-*
 * holds survey.yaml, responses.csv, actions.csv and expected.json
 * ({ kind: "actions", exitCode, file, line?, column?, message }). The build must stop with a
 * CsatError at that file, line and column (the header name), whose message contains `message`.
 */
const cases = corpusCases('actions');

describe('bad actions.csv corpus', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  it.each(cases.map((c) => [c.name, c.dir, c.expected] as const))('%s', (name, dir, expected) => {
    const config = loadConfig(path.join(dir, 'survey.yaml'));
    const responses = ingestResponses(config);
    let error: unknown;
    try {
      buildModel(config, responses, { actions: readActionsFile(config.actions!.file) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsatError);
    const e = error as CsatError;
    expect(e.exitCode).toBe(expected.exitCode);
    expect(e.where.file?.replaceAll('\\', '/').endsWith(`${name}/${expected.file}`)).toBe(true);
    expect(e.where.line).toBe(expected.line);
    expect(e.where.column).toBe(expected.column);
    expect(e.message).toContain(expected.message);
  });
});
