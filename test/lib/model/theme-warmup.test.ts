import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config';
import { ingestResponses, type IngestJob } from '../../../src/lib/ingest/ingest';
import { ingestParts } from '../../../src/lib/ingest/read-files';
import type { IngestPart } from '../../../src/lib/ingest/part';
import type { PendingRows } from '../../../src/lib/ingest/finish';
import type { Helper } from '../../../src/lib/parallel/helper';
import { ThemeWarmUp } from '../../../src/lib/model/theme-warmup';
import { themesFromComments, themesInput } from '../../../src/lib/model/themes';

/**
 * The helper's head start on the themes (model/theme-warmup.ts), played out on one thread: a
 * stand-in helper reads the sample survey's last files as the worker would (ingestParts) and
 * makes the warm-up from its parts, as worker.ts does, before the main thread replays them.
 */
const config = loadConfig(path.resolve('data/survey.yaml'));
const CAP = 40; // comments per period and group: the sample has more, so comments are picked

function run(helperFiles: number) {
  let warm: ThemeWarmUp | undefined;
  let parts: IngestPart[] = [];
  const helper = {
    post: (_kind: string, job: IngestJob) => ((parts = []), job),
    take: (job: IngestJob) => {
      parts = ingestParts(job);
      warm = new ThemeWarmUp(parts, config, CAP);
      return parts;
    },
  } as unknown as Helper;
  let early: PendingRows | undefined;
  ingestResponses(config, { helper, parallelFrom: 0, helperFiles, onRows: (rows) => (early = rows) });
  const input = themesInput(early!, early!.periods, config, CAP, early!.codes);
  return { input, warm: warm!, parts };
}

describe("the helper's head start on the comment themes", () => {
  it("has made the runs of every picked comment of the helper's rows when the threads read different periods (files per quarter)", () => {
    const { input, warm, parts } = run(3);
    expect(parts.length).toBeGreaterThan(0);
    while (warm.step(100));
    const fromHelper = input.comments.filter((_, k) => input.sources![k] >= 0);
    expect(fromHelper.length).toBeGreaterThan(100);
    expect(warm.size).toBe(fromHelper.length);
    input.comments.forEach((c, k) => {
      if (input.sources![k] >= 0) expect(warm.runs(input.sources![k], c.text), c.text).toBeDefined();
    });
    // A key with another text is no match.
    const k = input.sources!.findIndex((s) => s >= 0);
    expect(warm.runs(input.sources![k], `${input.comments[k].text}!`)).toBeUndefined();
  });

  it('leaves the themes as they are: all runs made, some made, or none', () => {
    const { input, warm } = run(3);
    const cold = themesFromComments(input);
    expect(themesFromComments(input, warm)).toEqual(cold); // nothing made yet
    warm.step(150);
    expect(themesFromComments(input, warm)).toEqual(cold);
    while (warm.step(100));
    expect(themesFromComments(input, warm)).toEqual(cold);
  });

  it('guesses wrong where both threads read rows of one period, and the themes are still the same', () => {
    let warm: ThemeWarmUp | undefined;
    const helper = {
      // The helper gets the pieces from one in the middle of a file on: that period is split.
      post: (_kind: string, job: IngestJob) => {
        const from = job.pieces.findIndex((p, k) => k >= job.pieces.length / 2 && p.index > 0);
        job.claims.fill(3, from);
        return job;
      },
      take: (job: IngestJob) => {
        const parts = ingestParts(job);
        warm = new ThemeWarmUp(parts, config, CAP);
        while (warm.step(100));
        return parts;
      },
    } as unknown as Helper;
    let early: PendingRows | undefined;
    ingestResponses(config, { helper, parallelFrom: 0, pieceBytes: 20_000, onRows: (rows) => (early = rows) });
    const input = themesInput(early!, early!.periods, config, CAP, early!.codes);
    const fromHelper = input.comments.map((c, k) => [c, input.sources![k]] as const).filter(([, s]) => s >= 0);
    const hits = fromHelper.filter(([c, s]) => warm!.runs(s, c.text)).length;
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(fromHelper.length);
    expect(themesFromComments(input, warm)).toEqual(themesFromComments(input));
  });
});
