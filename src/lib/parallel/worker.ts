/**
 * The helper thread (see helper.ts): runs the jobs the main thread posts, one at a time,
 * and reports each result (or error) on the port, then counts it finished in the shared
 * state so a main thread blocked in Atomics.wait wakes up. Imports only what the jobs
 * need, not the survey definition's loader, so the thread is ready quickly.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { IngestJob } from '../ingest/ingest';
import { ingestParts } from '../ingest/read-files';
import { partBuffers, type IngestPart } from '../ingest/part';
import type { SurveyConfig } from '../config/types';
import { ThemeWarmUp } from '../model/theme-warmup';
import { themesFromComments, type ThemesInput } from '../model/themes';
import type { JobMessage, ResultMessage } from './helper';
import { errorData } from '../errors';

const { port, state } = workerData as { port: MessagePort; state: Int32Array };

type Job = (input: never) => { result: unknown; transfer?: ArrayBuffer[] };

// The themes' head start (model/theme-warmup.ts): made after an ingest job, worked on in slices between messages.
let warmUp: ThemeWarmUp | undefined;
const WARM_SLICE = 50;

const jobs: Record<string, Job> = {
  ingest: (job: IngestJob) => {
    const parts = ingestParts(job);
    warmUp = startWarmUp(parts, job.config);
    return { result: parts, transfer: parts.flatMap(partBuffers) };
  },
  themes: (input: ThemesInput) => {
    const warm = warmUp;
    warmUp = undefined;
    return { result: themesFromComments(input, warm) };
  },
};

function startWarmUp(parts: IngestPart[], config: SurveyConfig): ThemeWarmUp | undefined {
  if (config.comments.length === 0 || parts.some((p) => p.error)) return undefined;
  let warm: ThemeWarmUp;
  try {
    warm = new ThemeWarmUp(parts, config);
  } catch {
    return undefined; // e.g. no question to group by: the themes job reports that itself
  }
  const slice = () => {
    if (warmUp === warm && warm.step(WARM_SLICE)) setImmediate(slice);
  };
  setImmediate(slice);
  return warm;
}

function finish(message: ResultMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(state, 0, 1);
  Atomics.notify(state, 0);
}

port.on('message', ({ id, kind, input }: JobMessage) => {
  if (Atomics.compareExchange(state, id, 0, 1) !== 0) return finish({ id, skipped: true });
  try {
    const { result, transfer } = jobs[kind](input as never);
    finish({ id, result }, transfer);
  } catch (e) {
    finish({ id, error: errorData(e) });
  }
});
