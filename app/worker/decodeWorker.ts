/**
 * The decode worker: opens images, scans them for KHO roots and decodes
 * their graphs off the page's main thread, with progress and cancel; keeps
 * the last opened image and serves `read` requests from its memory (for the
 * hex view and the memory map).
 */
import { hexByteGroups } from '../format/formatHex';
import { describeOpenFailure } from './describeOpenFailure';
import { EditHost } from './edit/EditHost';
import { openBuiltDemo } from './openBuiltDemo';
import { inputFileSource, openInputFiles } from './openInputFiles';
import type { OpenedSession } from './OpenedSession';
import { ProgressReporter } from './ProgressReporter';
import type { InputFile, OpenAnswer, OpenInput, WorkerMessage, WorkerRequest } from './protocol';
import { readSessionMemory } from './readSessionMemory';
import { runPlan } from './runPlan';
import { workerWindowScan } from './scanWindow/workerWindowScan';
import { EditError } from '../../core/edit';
import type { WindowScan } from '../../core/kho';
import type { ExplorePlan } from '../model/ExplorePlan';
import type { ScanSummary } from '../model/ScanSummary';

/** The parts of the worker global this file uses (the app's tsconfig has DOM types, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();
let current: { id: number; session: OpenedSession } | null = null;
let nextSession = 1;
const edits = new EditHost();
/** Id of the newest open request: only its image may become the one that serves reads. */
let newestOpen = 0;

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'open':
      void open(request.id, request.input, request.plan, request.scan);
      break;
    case 'cancel':
      running.get(request.id)?.abort(new DOMException('Opening was cancelled', 'AbortError'));
      break;
    case 'read':
      void read(request.id, request.session, request.address, request.length);
      break;
    case 'edit':
      void edits
        .handle(request.session, request.action)
        .then((answer) => scope.postMessage({ type: 'edited', id: request.id, answer }))
        .catch((error: unknown) =>
          scope.postMessage({ type: 'edited', id: request.id, answer: { ok: false, refusal: bugText(error) } }),
        );
      break;
    case 'export-edited':
      void edits
        .exportBlob(request.session)
        .then((blob) => scope.postMessage({ type: 'exported', id: request.id, blob }))
        .catch((error: unknown) =>
          scope.postMessage({
            type: 'export-failed',
            id: request.id,
            message: error instanceof EditError ? error.message : bugText(error),
          }),
        );
      break;
  }
};

async function open(id: number, input: OpenInput, plan: ExplorePlan, earlierScan: ScanSummary | null): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  newestOpen = Math.max(newestOpen, id);
  const progress = new ProgressReporter((state) => scope.postMessage({ type: 'progress', id, progress: state }));
  let answer: OpenAnswer;
  let session: OpenedSession | null = null;
  try {
    progress.report({ stage: 'opening' });
    session =
      input.kind === 'files'
        ? {
            ...(await openInputFiles(input.label, input.files, plan)),
            scanWindow: windowScanOf(input.label, input.files, plan),
          }
        : await openBuiltDemo(input.demo);
    controller.signal.throwIfAborted();
    const sessionId = nextSession++;
    answer = await runPlan(session, sessionId, plan, earlierScan, controller.signal, progress);
    // Only a completed open replaces the image that serves reads: after a cancel the page goes back to the previous one.
    if (id === newestOpen) {
      current = { id: sessionId, session };
      const scan = answer.kind === 'graph' ? (answer.scan ?? earlierScan) : null;
      edits.opened(sessionId, answer.kind === 'graph' ? { session, input, graph: answer.graph, scan } : null);
    }
  } catch (error) {
    answer = controller.signal.aborted
      ? { kind: 'cancelled' }
      : {
          kind: 'problem',
          image: session?.info ?? null,
          problem: describeOpenFailure(error, await firstBytesOf(input)),
        };
  } finally {
    running.delete(id);
  }
  scope.postMessage({ type: 'opened', id, answer });
}

async function read(id: number, session: number, address: number, length: number): Promise<void> {
  if (!current || current.id !== session) {
    scope.postMessage({ type: 'read-failed', id, message: 'this image is no longer open' });
    return;
  }
  const edited = edits.memoryOf(session);
  const result = await readSessionMemory(
    edited ? { ...current.session, memory: edited } : current.session,
    address,
    length,
  );
  if (result.ok) scope.postMessage({ type: 'bytes', id, bytes: result.bytes }, [result.bytes.buffer as ArrayBuffer]);
  else scope.postMessage({ type: 'read-failed', id, message: result.message });
}

/** An unexpected failure, in words that say it is khoscope's own bug. */
function bugText(error: unknown): string {
  return `khoscope failed unexpectedly (a bug in khoscope, please report it): ${error instanceof Error ? error.message : String(error)}`;
}

/** Window scans in workers of their own, where this browser lets a worker start workers. */
function windowScanOf(label: string, files: InputFile[], plan: ExplorePlan): WindowScan | undefined {
  return typeof Worker === 'undefined' ? undefined : workerWindowScan(label, files, plan);
}

/** The first 16 bytes of the (first) file in hex, for problem reports; '' when unreadable. */
async function firstBytesOf(input: OpenInput): Promise<string> {
  if (input.kind !== 'files' || input.files.length === 0) return '';
  try {
    const head = await inputFileSource(input.files[0]).read(0, 16);
    return hexByteGroups(head).join('  ');
  } catch {
    return '';
  }
}
