import { beginEditing, stopEditing } from '../edit/editActions';
import { BUILTIN_DEMOS, type GalleryDemo } from '../demo/builtinDemos';
import { chooseOpenInput } from '../input/chooseOpenInput';
import type { ExplorePlan } from '../model/ExplorePlan';
import type { ScanSummary } from '../model/ScanSummary';
import { openInWorker, readFromWorker, type OpenHandle } from '../worker/decodeClient';
import type { InputFile, OpenAnswer, OpenInput } from '../worker/protocol';
import { reviveGraph } from '../worker/reviveGraph';
import { useDocumentStore, type DocumentView } from './documentStore';
import { useGalleryStore } from './galleryStore';
import { useProgressStore } from './progressStore';
import { resetViewsFor } from './showGraph';
import { parseHash } from './urlHash';

/** The open under way (cancelled when another starts). */
let running: OpenHandle | null = null;
/** The input of the last open, so the user can retry it with another plan (a root, a page size). */
let lastInput: OpenInput | null = null;
/** The last scan of `lastInput`: roots chosen from it are decoded by address, and the worker's decode keeps its findings. */
let lastScan: ScanSummary | null = null;

/** Opens what the user dropped or picked: one image, or a KHO debugfs set (see `chooseOpenInput`). */
export function openFiles(files: readonly InputFile[]): void {
  const choice = chooseOpenInput(files);
  if (!choice) return;
  useGalleryStore.setState({ shown: null });
  void start(choice.input, {}, choice.notice);
}

/** Opens a gallery demo: one the worker builds, or a file served with the app (read here, then opened like a dropped file). */
export async function openDemo(demo: GalleryDemo): Promise<void> {
  useGalleryStore.setState({ shown: demo });
  if (demo.source.kind === 'built') {
    void start({ kind: 'built', demo: demo.source.demo }, {}, null);
    return;
  }
  const name = demo.source.file.slice(demo.source.file.lastIndexOf('/') + 1);
  const response = await fetch(`./demos/${demo.source.file}`);
  if (!response.ok) {
    useDocumentStore
      .getState()
      .notify(`The demo file ${demo.source.file} could not be loaded (HTTP ${response.status}).`);
    return;
  }
  const file = new File([await response.blob()], name);
  void start({ kind: 'files', label: name, files: [{ file, path: name }] }, {}, null);
}

/** Runs the last input again with another plan: a root chosen, an address given, every FDT listed, another page size. */
export function explore(plan: ExplorePlan): void {
  if (lastInput) void start(lastInput, plan, null);
}

/** What the shown image was opened from (files or a built demo), so it can be opened again for another root; null before any open. */
export function currentInput(): OpenInput | null {
  return lastInput;
}

/** Stops the open under way; the page goes back to what it showed before. */
export function cancelOpening(): void {
  running?.cancel();
}

async function start(input: OpenInput, plan: ExplorePlan, notice: string | null): Promise<void> {
  running?.cancel();
  if (input !== lastInput) lastScan = null;
  lastInput = input;
  const documents = useDocumentStore.getState();
  const request = documents.startOpening(labelOf(input), plan, notice);
  const progress = useProgressStore.getState();
  progress.setProgress({
    stage: 'opening',
    bytesScanned: 0,
    totalBytes: 0,
    phase: '',
    fragments: 0,
    links: 0,
    bytesRead: 0,
  });
  const handle = openInWorker(input, plan, lastScan, (update) => {
    if (useDocumentStore.getState().request === request) progress.setProgress(update);
  });
  running = handle;
  const answer = await handle.answer;
  if (running === handle) running = null;
  // A newer open (or a close) came in meanwhile: this answer is stale.
  if (useDocumentStore.getState().request !== request) return;
  progress.setProgress(null);
  if (answer.kind === 'cancelled') {
    useDocumentStore.getState().cancelOpening(request);
    return;
  }
  const view = viewOf(answer, plan);
  if (!useDocumentStore.getState().finishOpening(request, view)) return;
  // The shown graph: the answer's, judged against a command line typed for this image (documentStore).
  const shown = useDocumentStore.getState().graph;
  if (answer.kind === 'graph' && shown) void beginEditing(answer.session, shown);
  else stopEditing();
}

function viewOf(answer: Exclude<OpenAnswer, { kind: 'cancelled' }>, plan: ExplorePlan): DocumentView {
  const label = useDocumentStore.getState().label;
  const base = { label, plan, graph: null, problem: null, scan: null, readMemory: null };
  if (answer.kind === 'problem') return { ...base, status: 'error', image: answer.image, problem: answer.problem };
  const readMemory = answer.image.hasMemory
    ? (address: number, length: number) => readFromWorker(answer.session, address, length)
    : null;
  if (answer.kind !== 'graph') {
    lastScan = answer.scan;
    return { ...base, status: answer.kind, image: answer.image, scan: answer.scan, readMemory };
  }
  if (answer.scan) lastScan = answer.scan;
  const scan = answer.scan ?? lastScan;
  const graph = reviveGraph(answer.graph);
  resetViewsFor(graph, parseHash(globalThis.location?.hash ?? '').selection);
  return { ...base, status: 'ready', image: answer.image, scan, graph, readMemory };
}

function labelOf(input: OpenInput): string {
  if (input.kind === 'files') return input.label;
  return (
    BUILTIN_DEMOS.find((demo) => demo.source.kind === 'built' && demo.source.demo === input.demo)?.title ?? input.demo
  );
}
