/**
 * A second thread for the heavy steps of loadModel (reading the last responses files,
 * finding comment themes), driven synchronously because loadModel is synchronous: the
 * caller posts a job, goes on with its own work, then blocks in Atomics.wait until the
 * result is there and reads it with receiveMessageOnPort. A job the worker has not begun
 * when the caller needs it can be taken back (`take(job, true)` returns undefined), so a
 * slow start or a busy machine never makes the caller wait for work it could do itself.
 *
 * The worker runs this folder's worker.ts (worker.mjs when compiled by src/cli/launch.mjs). From TypeScript sources it registers tsx's
 * in-thread CommonJS hook first (tsx's module hooks load a thread's modules several times
 * slower). Where the worker file is absent (code bundled by Vite) or CSAT_THREADS=1,
 * start() gives undefined and everything runs on one thread.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { reviveError, type ErrorData } from '../errors';

// State words: [0] jobs finished; [1 + job] 0 = waiting, 1 = begun by the worker, 2 = taken back.
const JOBS = 64;
const WAIT_MS = 30 * 60_000;

const BOOT = `
const { workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx).register();
require(workerData.entry);
`;

export interface JobMessage {
  id: number;
  kind: string;
  input: unknown;
}

export interface ResultMessage {
  id: number;
  skipped?: boolean;
  result?: unknown;
  error?: ErrorData;
}

export class Helper {
  private posted = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly state: Int32Array,
  ) {}

  /** A started helper, or undefined where a second thread is not available or not wanted. */
  static start(env: NodeJS.ProcessEnv = process.env): Helper | undefined {
    if (env.CSAT_THREADS === '1' || os.availableParallelism() < 2) return undefined;
    const ts = import.meta.url.endsWith('.ts');
    // Compiled by src/cli/launch.mjs, this code may sit in a shared chunk: the worker is at its place in the tree.
    // Otherwise built at run time so a bundler does not try to include it as an asset.
    const url = env.CSAT_COMPILED ? pathToFileURL(path.join(env.CSAT_COMPILED, 'lib', 'parallel', 'worker.mjs'))
      : new URL(['.', `worker.${ts ? 'ts' : 'js'}`].join('/'), import.meta.url);
    if (url.protocol !== 'file:' || !fs.existsSync(fileURLToPath(url))) return undefined;
    let tsx: string | undefined;
    const fromSource = url.pathname.endsWith('.ts');
    if (fromSource) {
      try {
        tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
      } catch {
        return undefined;
      }
    }
    const { port1, port2 } = new MessageChannel();
    const state = new Int32Array(new SharedArrayBuffer(4 * (JOBS + 1)));
    const workerData = { entry: fileURLToPath(url), tsx, port: port2, state };
    // The compiled worker is plain ESM; the TypeScript one boots through tsx's CommonJS hook.
    const worker = fromSource ? new Worker(BOOT, { eval: true, workerData, transferList: [port2] }) : new Worker(url, { workerData, transferList: [port2] });
    worker.unref();
    return new Helper(worker, port1, state);
  }

  /** Posts a job; returns its number for take(). */
  post(kind: string, input: unknown, transfer: ArrayBuffer[] = []): number {
    const id = ++this.posted;
    if (id > JOBS) throw new Error(`helper: more than ${JOBS} jobs`);
    this.port.postMessage({ id, kind, input } satisfies JobMessage, transfer);
    return id;
  }

  /**
   * The job's result. With `steal`, a job the worker has not begun is taken back and
   * undefined returned: the caller then does it itself.
   */
  take<T>(id: number, steal = false): T | undefined {
    if (steal && Atomics.compareExchange(this.state, id, 0, 2) === 0) return undefined;
    for (;;) {
      const message = receiveMessageOnPort(this.port)?.message as ResultMessage | undefined;
      if (message) {
        if (message.id !== id) continue; // a job taken back earlier, reporting that it skipped
        if (message.error) throw reviveError(message.error);
        return message.result as T;
      }
      const finished = Atomics.load(this.state, 0);
      if (Atomics.wait(this.state, 0, finished, WAIT_MS) === 'timed-out') throw new Error(`helper: job ${id} took more than ${WAIT_MS / 60_000} minutes`);
    }
  }

  close(): void {
    void this.worker.terminate();
  }
}
