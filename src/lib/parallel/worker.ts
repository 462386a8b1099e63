/**
 * The helper thread (see helper.ts): runs the jobs the main thread posts, one at a time,
 * and reports each result (or error) on the port, then counts it finished in the shared
 * state so a main thread blocked in Atomics.wait wakes up. Imports only what the jobs
 * need, not the survey definition's loader, so the thread is ready quickly.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { IngestJob } from '../ingest/ingest';
import { ingestParts } from '../ingest/read-files';
import { partBuffers } from '../ingest/part';
import { themesFromComments, type ThemesInput } from '../model/themes';
import type { JobMessage, ResultMessage } from './helper';
import { errorData } from '../errors';

const { port, state } = workerData as { port: MessagePort; state: Int32Array };

type Job = (input: never) => { result: unknown; transfer?: ArrayBuffer[] };

const jobs: Record<string, Job> = {
  ingest: (job: IngestJob) => {
    const parts = ingestParts(job);
    return { result: parts, transfer: parts.flatMap(partBuffers) };
  },
  themes: (input: ThemesInput) => ({ result: themesFromComments(input) }),
};

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
