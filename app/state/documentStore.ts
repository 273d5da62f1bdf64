import { create } from 'zustand';
import { judgeCommandLine, type KhoGraph } from '../../core/kho';
import type { ExplorePlan } from '../model/ExplorePlan';
import type { ImageInfo } from '../model/ImageInfo';
import type { LoadProblem } from '../model/LoadProblem';
import type { ScanSummary } from '../model/ScanSummary';
import type { ReadMemory } from '../model/Selection';

/** What the page shows: the start screen, an open under way, a root chooser, "no root", the explorer, or a problem. */
export type DocumentStatus = 'empty' | 'opening' | 'choose-root' | 'no-root' | 'ready' | 'error';

/** Everything shown once an open has finished (what Cancel returns to). */
export interface DocumentView {
  status: Exclude<DocumentStatus, 'opening'>;
  /** What the user opened, as named in the top bar. */
  label: string | null;
  image: ImageInfo | null;
  /** What root discovery found, for memory images. */
  scan: ScanSummary | null;
  graph: KhoGraph | null;
  problem: LoadProblem | null;
  /** The plan the shown answer came from (page size, roots, ...). */
  plan: ExplorePlan;
  /** Reads the open image's physical memory; null without memory. */
  readMemory: ReadMemory | null;
}

/** The document store: what is shown, plus the open under way. */
export interface DocumentState extends Omit<DocumentView, 'status'> {
  status: DocumentStatus;
  /** Something worth knowing about the last open (extra files, a cancel). */
  notice: string | null;
  /** Id of the newest open; answers to older ones are stale and dropped. */
  request: number;
  /** What was shown before the open under way, restored on cancel. */
  previous: DocumentView | null;
  /**
   * The next kernel's command line the user typed, per image (by its label),
   * for this page's life: every graph of that image shown is judged against
   * it (`judgeCommandLine`: its reserve_mem= sizes), across edits and opens.
   */
  commandLines: Readonly<Record<string, string>>;

  /** Starts opening `label` with `plan`; returns the request id the answer must carry. */
  startOpening(label: string, plan: ExplorePlan, notice?: string | null): number;
  /** Shows the outcome of `request` if it is still the newest; returns whether it was. */
  finishOpening(request: number, view: DocumentView): boolean;
  /** The open was cancelled: back to what was shown before, with a notice. */
  cancelOpening(request: number): boolean;
  /**
   * Shows another graph of the same image (an edit, undo or redo). The
   * memory behind it changed too: `readMemory` becomes a new function, so
   * views drop the bytes they cached.
   */
  replaceGraph(graph: KhoGraph): void;
  /**
   * Judges the shown graph's reserve-mem regions against `text`, the next
   * kernel's command line (empty: the one the image carries, if any), and
   * remembers it for this image.
   */
  setCommandLine(text: string): void;
  /** Shows a notice without changing anything else. */
  notify(notice: string): void;
  dismissNotice(): void;
  /** Back to the start screen (also makes any pending request stale). */
  close(): void;
}

const EMPTY: DocumentView = {
  status: 'empty',
  label: null,
  image: null,
  scan: null,
  graph: null,
  problem: null,
  plan: {},
  readMemory: null,
};

/**
 * The opened image and its graph: changes only when an image is opened,
 * re-explored or closed, so the big graph never re-renders views that
 * listen to the selection or the UI state.
 */
export const useDocumentStore = create<DocumentState>()((set, get) => ({
  ...EMPTY,
  notice: null,
  request: 0,
  previous: null,
  commandLines: {},

  startOpening(label, plan, notice = null) {
    const state = get();
    const request = state.request + 1;
    const previous = state.status === 'opening' ? state.previous : viewOf(state);
    set({ status: 'opening', label, plan, notice, request, previous });
    return request;
  },

  finishOpening(request, view) {
    if (request !== get().request) return false;
    set({ ...view, graph: judged(view.graph, get().commandLines, view.label), previous: null });
    return true;
  },

  cancelOpening(request) {
    const state = get();
    if (request !== state.request || state.status !== 'opening') return false;
    set({
      ...(state.previous ?? EMPTY),
      previous: null,
      notice: `Opening ${state.label ?? 'the image'} was cancelled.`,
    });
    return true;
  },

  replaceGraph(graph) {
    const { status, readMemory } = get();
    if (status !== 'ready') return;
    set({
      graph: judged(graph, get().commandLines, get().label),
      readMemory: readMemory && ((address, length) => readMemory(address, length)),
    });
  },

  setCommandLine(text) {
    const { graph, label, commandLines } = get();
    if (!graph || label === null) return;
    const next = { ...commandLines, [label]: text };
    set({ commandLines: next, graph: judged(graph, next, label) });
  },

  notify(notice) {
    set({ notice });
  },

  dismissNotice() {
    set({ notice: null });
  },

  close() {
    set({ ...EMPTY, notice: null, previous: null, request: get().request + 1 });
  },
}));

function viewOf(state: DocumentState): DocumentView {
  const { status, label, image, scan, graph, problem, plan, readMemory } = state;
  return { status: status === 'opening' ? 'empty' : status, label, image, scan, graph, problem, plan, readMemory };
}

/** `graph` judged against the command line remembered for `label` (none typed: the image's own). */
function judged(graph: KhoGraph | null, commandLines: Readonly<Record<string, string>>, label: string | null) {
  if (!graph) return graph;
  const typed = label === null ? '' : (commandLines[label] ?? '').trim();
  return judgeCommandLine(graph, typed === '' ? null : typed);
}
