import type { EditOperation } from '../../core/edit';
import type { KhoGraph } from '../../core/kho';
import type { BuiltDemoId } from '../demo/builtinDemos';
import type { EditAnswer } from '../model/EditSnapshot';
import type { ExplorePlan } from '../model/ExplorePlan';
import type { ImageInfo } from '../model/ImageInfo';
import type { LoadProblem } from '../model/LoadProblem';
import type { LoadProgress } from '../model/LoadProgress';
import type { ScanSummary } from '../model/ScanSummary';

/** One file handed to the worker, with its path inside a dropped or picked folder (else its name). */
export interface InputFile {
  file: File | ServedFile;
  path: string;
}

/**
 * A file the page reads over HTTP range requests instead of from disk: the
 * image `khoscope open` serves. Plain data, so it crosses to workers as is.
 */
export interface ServedFile {
  served: true;
  /** Absolute URL of the image (same origin as the page). */
  url: string;
  size: number;
  name: string;
}

/** What to open: the user's file(s), or an image the worker builds (a demo). */
export type OpenInput = { kind: 'files'; label: string; files: InputFile[] } | { kind: 'built'; demo: BuiltDemoId };

/**
 * The answer to an open: the decoded graph, a list of roots to choose from,
 * an image without a KHO root (with what the scan saw), a problem, or the
 * acknowledgement of a cancel. `session` names the image the worker now
 * keeps for `read` requests.
 */
export type OpenAnswer =
  | { kind: 'graph'; session: number; image: ImageInfo; scan: ScanSummary | null; graph: KhoGraph }
  | { kind: 'choose-root'; session: number; image: ImageInfo; scan: ScanSummary }
  | { kind: 'no-root'; session: number; image: ImageInfo; scan: ScanSummary }
  | { kind: 'problem'; image: ImageInfo | null; problem: LoadProblem }
  | { kind: 'cancelled' };

/**
 * A change to the edits of the open image: start editing it (the answer
 * carries its identity), apply an operation, undo, redo, go to a step of
 * the history, or replay a saved log.
 */
export type EditAction =
  | { kind: 'start' }
  | { kind: 'apply'; op: EditOperation }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'go-to'; position: number }
  /** `redo`: the undone operations in the order redo takes them. */
  | { kind: 'restore'; done: EditOperation[]; redo: EditOperation[] };

/** Page → worker. */
export type WorkerRequest =
  /** `scan`: the page's last scan of this input, whose findings a decode of roots chosen from it keeps. */
  | { type: 'open'; id: number; input: OpenInput; plan: ExplorePlan; scan: ScanSummary | null }
  | { type: 'cancel'; id: number }
  | { type: 'read'; id: number; session: number; address: number; length: number }
  | { type: 'edit'; id: number; session: number; action: EditAction }
  /** The edited image as a file: the worker answers with a Blob made of slices of the original and the changed pages. */
  | { type: 'export-edited'; id: number; session: number };

/** Worker → page. `id` pairs a message with its request. */
export type WorkerMessage =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'opened'; id: number; answer: OpenAnswer }
  | { type: 'bytes'; id: number; bytes: Uint8Array }
  | { type: 'read-failed'; id: number; message: string }
  | { type: 'edited'; id: number; answer: EditAnswer }
  | { type: 'exported'; id: number; blob: Blob }
  | { type: 'export-failed'; id: number; message: string };
