import type { ExplorePlan } from '../model/ExplorePlan';
import type { LoadProgress } from '../model/LoadProgress';
import type { ScanSummary } from '../model/ScanSummary';
import type { EditAnswer } from '../model/EditSnapshot';
import type { EditAction, OpenAnswer, OpenInput, WorkerMessage, WorkerRequest } from './protocol';

/** An open running in the worker: its answer, and a way to cancel it. */
export interface OpenHandle {
  answer: Promise<OpenAnswer>;
  /** Asks the worker to stop; the answer then resolves to `cancelled`. */
  cancel(): void;
}

interface PendingOpen {
  resolve(answer: OpenAnswer): void;
  onProgress(progress: LoadProgress): void;
}

interface PendingRead {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

interface PendingExport {
  resolve(blob: Blob): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const opens = new Map<number, PendingOpen>();
const reads = new Map<number, PendingRead>();
const edits = new Map<number, (answer: EditAnswer) => void>();
const exports = new Map<number, PendingExport>();

/**
 * Opens an image in the decode worker (scan and decode included), so big or
 * hostile files never freeze the page. `scan` is the page's last scan of
 * this input (or null): roots the plan names that it found keep its
 * findings (how, rank, what the scan saw). Always resolves: a worker that dies
 * answers every waiting request with a problem instead of leaving the page
 * spinning.
 */
export function openInWorker(
  input: OpenInput,
  plan: ExplorePlan,
  scan: ScanSummary | null,
  onProgress: (progress: LoadProgress) => void,
): OpenHandle {
  const id = nextId++;
  const answer = new Promise<OpenAnswer>((resolve) => opens.set(id, { resolve, onProgress }));
  post({ type: 'open', id, input, plan, scan });
  return { answer, cancel: () => post({ type: 'cancel', id }) };
}

/** Reads physical memory of the image the worker opened as `session`. Rejects with the reason in words. */
export function readFromWorker(session: number, address: number, length: number): Promise<Uint8Array> {
  const id = nextId++;
  const bytes = new Promise<Uint8Array>((resolve, reject) => reads.set(id, { resolve, reject }));
  post({ type: 'read', id, session, address, length });
  return bytes;
}

/** Changes the edits of the image the worker opened as `session` (planned and re-encoded there). Always resolves. */
export function editInWorker(session: number, action: EditAction): Promise<EditAnswer> {
  const id = nextId++;
  const answer = new Promise<EditAnswer>((resolve) => edits.set(id, resolve));
  post({ type: 'edit', id, session, action });
  return answer;
}

/** The edited image of `session` as a Blob (slices of the original file and the changed pages). Rejects with the reason in words. */
export function exportFromWorker(session: number): Promise<Blob> {
  const id = nextId++;
  const blob = new Promise<Blob>((resolve, reject) => exports.set(id, { resolve, reject }));
  post({ type: 'export-edited', id, session });
  return blob;
}

function post(request: WorkerRequest): void {
  decoder().postMessage(request);
}

function decoder(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./decodeWorker.ts', import.meta.url), {
    type: 'module',
    name: 'khoscope-decoder',
  });
  started.onmessage = (event: MessageEvent<WorkerMessage>) => receive(event.data);
  started.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    started.terminate();
    worker = null;
    failEverything(event.message || 'the decoder could not be started');
  };
  started.onmessageerror = () => failEverything('the decoder sent an answer the page could not read');
  worker = started;
  return started;
}

function receive(message: WorkerMessage): void {
  switch (message.type) {
    case 'progress':
      opens.get(message.id)?.onProgress(message.progress);
      break;
    case 'opened':
      opens.get(message.id)?.resolve(message.answer);
      opens.delete(message.id);
      break;
    case 'bytes':
      reads.get(message.id)?.resolve(message.bytes);
      reads.delete(message.id);
      break;
    case 'read-failed':
      reads.get(message.id)?.reject(new Error(message.message));
      reads.delete(message.id);
      break;
    case 'edited':
      edits.get(message.id)?.(message.answer);
      edits.delete(message.id);
      break;
    case 'exported':
      exports.get(message.id)?.resolve(message.blob);
      exports.delete(message.id);
      break;
    case 'export-failed':
      exports.get(message.id)?.reject(new Error(message.message));
      exports.delete(message.id);
      break;
  }
}

function failEverything(reason: string): void {
  for (const pending of opens.values()) {
    pending.resolve({
      kind: 'problem',
      image: null,
      problem: {
        headline: 'The decoder stopped unexpectedly.',
        reason,
        where: null,
        hint: 'Reload the page and open the image again. If it happens again with the same image, please report it.',
        firstBytes: '',
      },
    });
  }
  for (const pending of reads.values()) pending.reject(new Error(`the decoder stopped: ${reason}`));
  for (const resolve of edits.values()) resolve({ ok: false, refusal: `the decoder stopped: ${reason}` });
  for (const pending of exports.values()) pending.reject(new Error(`the decoder stopped: ${reason}`));
  opens.clear();
  reads.clear();
  edits.clear();
  exports.clear();
}
