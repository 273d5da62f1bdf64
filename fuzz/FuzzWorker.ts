import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { WorkerReply, WorkerRequest } from './protocol';
import type { OutcomeKind } from './runTarget';

/** How a worker failed to answer: it hung, ran out of heap or died. */
export interface WorkerFailure {
  kind: OutcomeKind;
  message: string;
}

/** Limits of one fuzz worker. */
export interface FuzzWorkerLimits {
  /** No answer within this many ms: the worker is terminated and the input is a hang. */
  watchdogMs: number;
  /** The worker's old-generation heap (MiB); an input that needs more is an out-of-memory finding. */
  heapMiB: number;
}

const ENTRY = join(import.meta.dirname, 'workerEntry.mjs');

/**
 * One worker thread running fuzz inputs one at a time, each under a
 * watchdog. After a failure the worker is gone: make a new one.
 */
export class FuzzWorker {
  private readonly worker: Worker;
  private errorText = '';
  private exited = false;
  readonly ready: Promise<void>;

  constructor(private readonly limits: FuzzWorkerLimits) {
    this.worker = new Worker(ENTRY, {
      resourceLimits: {
        maxOldGenerationSizeMb: limits.heapMiB,
        maxYoungGenerationSizeMb: 64,
        stackSizeMb: 4,
      },
      stdout: true,
      stderr: true,
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.errorText = `${error.code ?? error.name}: ${error.message}`;
    });
    this.worker.once('exit', () => {
      this.exited = true;
    });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('exit', (code) =>
        reject(new Error(`a fuzz worker exited (${code}) before it was ready: ${this.errorText}`)),
      );
    });
  }

  /** Runs one input; resolves with the reply, or with how the worker failed (then it is gone). */
  run(request: WorkerRequest): Promise<WorkerReply | WorkerFailure> {
    return new Promise((resolve) => {
      const done = (result: WorkerReply | WorkerFailure) => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id === request.id) done(reply);
      };
      const onExit = (code: number) => {
        const oom = /ERR_WORKER_OUT_OF_MEMORY|heap out of memory/i.test(this.errorText);
        done({
          kind: oom ? 'out-of-memory' : 'crash',
          message: oom
            ? `the input needed more than the worker's ${this.limits.heapMiB} MiB heap (resourceLimits.maxOldGenerationSizeMb)`
            : `the worker died (exit ${code}): ${this.errorText}`,
        });
      };
      const timer = setTimeout(() => {
        this.worker.off('exit', onExit);
        void this.worker.terminate();
        this.exited = true;
        done({ kind: 'hang', message: `no answer within ${this.limits.watchdogMs} ms; the worker was terminated` });
      }, this.limits.watchdogMs);
      this.worker.on('message', onMessage);
      this.worker.once('exit', onExit);
      if (this.exited) onExit(-1);
      else this.worker.postMessage(request);
    });
  }

  /** False once the worker has exited or was terminated. */
  get alive(): boolean {
    return !this.exited;
  }

  /** Ends the worker. */
  close(): Promise<number> {
    this.exited = true;
    return this.worker.terminate();
  }
}
