/**
 * Every editing action of the explorer in one place (the inspector's
 * editors, the edit bar, the history list, the shortcuts and the export
 * dialog all call these): the worker plans and re-encodes, the page shows
 * the graph the edited image decodes to, and the log is saved in the browser
 * after every step.
 */
import type { EditOperation } from '../../core/edit';
import type { KhoGraph } from '../../core/kho';
import { downloadBlob } from '../components/downloadBytes';
import { fileBaseName } from '../../core/mem';
import type { EditSnapshot } from '../model/EditSnapshot';
import type { Selection } from '../model/Selection';
import { useDocumentStore } from '../state/documentStore';
import { useEditStore } from '../state/editStore';
import { select } from '../state/select';
import { useSelectionStore } from '../state/selectionStore';
import { editInWorker, exportFromWorker } from '../worker/decodeClient';
import { reviveGraph } from '../worker/reviveGraph';
import type { EditAction } from '../worker/protocol';
import { remapSelection, shownId } from './remapSelection';
import { forgetEdits, loadSavedEdits, openEditStore, saveEdits, type SavedEdits } from './savedEdits';

/** What to select once an operation is applied: a place named by its fragment's id in the edit state. */
export type EditTarget =
  | { kind: 'fragment'; fragment: string }
  | { kind: 'node'; fragment: string; node: string }
  | { kind: 'property'; fragment: string; node: string; property: string };

/**
 * Starts editing a newly shown graph of worker session `session`: the edit
 * state is built in the worker, and edits saved in this browser for the same
 * image (same name, size, first and KHO pages) are offered for restore.
 */
export async function beginEditing(session: number, graph: KhoGraph): Promise<void> {
  const store = useEditStore.getState();
  store.reset(session, graph);
  if (graph.source.kind !== 'memory') {
    store.setUnavailable(
      `a ${graph.source.kind === 'debugfs' ? 'debugfs blob set' : 'lone DTB'} has no physical memory to write an edit into; open a memory image to edit`,
    );
    return;
  }
  // The store opens while the worker prepares, so the first save finds it open (see openEditStore).
  const opening = openEditStore().catch(() => null);
  const answer = await editInWorker(session, { kind: 'start' });
  await opening;
  if (useEditStore.getState().session !== session) return;
  if (!answer.ok) {
    useEditStore.getState().setUnavailable(answer.refusal);
    return;
  }
  // The saved log is read before editing is enabled: an edit made first would replace it unseen.
  let offer: SavedEdits | null = null;
  let problem: string | null = null;
  try {
    const saved = await loadSavedEdits(answer.snapshot.identity);
    if (saved && saved.done.length + saved.redo.length > 0) offer = saved;
  } catch (error) {
    problem = `Saved edits could not be read: ${messageOf(error)}`;
  }
  if (useEditStore.getState().session !== session) return;
  useEditStore.getState().setSnapshot(answer.snapshot);
  if (offer) useEditStore.getState().setOffer(offer);
  if (problem) useEditStore.getState().setSaveProblem(problem);
}

/** Nothing editable is open any more (a blob set, a problem, the start screen). */
export function stopEditing(): void {
  useEditStore.getState().reset(null, null);
}

/**
 * Applies one operation. A refusal (the operation's, or the write-back's) is
 * shown next to `place` and nothing changes; on success `then` is selected
 * when given. Returns whether the edit was applied.
 */
export function applyOperation(op: EditOperation, place: string, then?: EditTarget): Promise<boolean> {
  return run({ kind: 'apply', op }, place, then);
}

/** Undoes the last edit (Ctrl+Z). */
export function undoEdit(): Promise<boolean> {
  return canUndo() ? run({ kind: 'undo' }, 'history') : Promise.resolve(false);
}

/** Redoes the last undone edit (Ctrl+Shift+Z). */
export function redoEdit(): Promise<boolean> {
  return canRedo() ? run({ kind: 'redo' }, 'history') : Promise.resolve(false);
}

/** Goes to step `position` of the history (0: the image as opened). */
export function goToStep(position: number): Promise<boolean> {
  return run({ kind: 'go-to', position }, 'history');
}

/** True when there is an edit to undo. */
export function canUndo(): boolean {
  const { snapshot, busy } = useEditStore.getState();
  return !busy && (snapshot?.position ?? 0) > 0;
}

/** True when there is an undone edit to redo. */
export function canRedo(): boolean {
  const { snapshot, busy } = useEditStore.getState();
  return !busy && snapshot !== null && snapshot.position < snapshot.history.length;
}

/** Replays the edits saved in this browser for the open image. */
export async function restoreSavedEdits(): Promise<boolean> {
  const offer = useEditStore.getState().offer;
  if (!offer) return false;
  const restored = await run({ kind: 'restore', done: offer.done, redo: offer.redo }, 'restore');
  if (restored) useEditStore.getState().setOffer(null);
  return restored;
}

/**
 * Forgets the edits saved in this browser for the open image. The offer goes
 * away once that is on disk, so a reload right after cannot bring it back.
 */
export async function discardSavedEdits(): Promise<void> {
  const { offer } = useEditStore.getState();
  if (!offer) return;
  try {
    await forgetEdits(offer.identity);
  } catch (error) {
    useEditStore
      .getState()
      .setSaveProblem(`The saved edits could not be discarded (they will be offered again): ${messageOf(error)}`);
  }
  if (useEditStore.getState().offer === offer) useEditStore.getState().setOffer(null);
}

/**
 * Downloads the edited image in its own container. The worker composes the
 * file from slices of the original and the changed pages, so a big image is
 * never whole in memory; the browser writes it to disk.
 */
export async function downloadEditedImage(): Promise<boolean> {
  const { session, snapshot } = useEditStore.getState();
  const label = useDocumentStore.getState().label ?? 'image';
  if (session === null || !snapshot || snapshot.position === 0) return false;
  useEditStore.getState().setBusy(true);
  try {
    const blob = await exportFromWorker(session);
    downloadBlob(editedFileName(label, useDocumentStore.getState().image?.container === 'kdump'), blob);
    return true;
  } catch (error) {
    useEditStore.getState().refuse('export', messageOf(error));
    return false;
  } finally {
    useEditStore.getState().setBusy(false);
  }
}

/** The download's name: `pre-kexec.elf` → `pre-kexec.edited.elf`; a kdump is written as ELF (`vmcore` → `vmcore.edited.elf`). */
export function editedFileName(name: string, kdump: boolean): string {
  const base = fileBaseName(name);
  if (kdump) return `${base}.edited.elf`;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? `${base.slice(0, dot)}.edited${base.slice(dot)}` : `${base}.edited`;
}

async function run(action: EditAction, place: string, then?: EditTarget): Promise<boolean> {
  const store = useEditStore.getState();
  const session = store.session;
  if (session === null || store.busy) return false;
  store.setBusy(true);
  const pickedBefore = useSelectionStore.getState().selection;
  try {
    const answer = await editInWorker(session, action);
    if (useEditStore.getState().session !== session) return false;
    if (!answer.ok) {
      useEditStore.getState().refuse(place, answer.refusal);
      return false;
    }
    // The maps' small classes lose their methods in the structured clone from the worker.
    const snapshot = answer.snapshot.graph
      ? { ...answer.snapshot, graph: reviveGraph(answer.snapshot.graph) }
      : answer.snapshot;
    // Saved before shown: a step the page shows is a step a reload or a crash keeps.
    await save(snapshot);
    if (useEditStore.getState().session !== session) return false;
    // A place picked while the worker was busy wins over the edited place: the user has moved on.
    show(snapshot, useSelectionStore.getState().selection === pickedBefore ? then : undefined);
    return true;
  } finally {
    if (useEditStore.getState().session === session) useEditStore.getState().setBusy(false);
  }
}

/** Shows a snapshot: its graph replaces the shown one, and the selection follows the edited place. */
function show(snapshot: EditSnapshot, then?: EditTarget): void {
  const store = useEditStore.getState();
  const before = store.snapshot?.editIds ?? {};
  const graph = snapshot.graph ?? store.base;
  store.setSnapshot(snapshot);
  if (!graph) return;
  useDocumentStore.getState().replaceGraph(graph);
  const wanted: Selection | null = then
    ? { ...then, fragment: shownId(then.fragment, snapshot.editIds) }
    : useSelectionStore.getState().selection;
  const next =
    remapSelection(wanted, then ? {} : before, snapshot.editIds, graph) ??
    remapSelection(useSelectionStore.getState().selection, before, snapshot.editIds, graph);
  const first = graph.roots.find((root) => root.fragment !== null)?.fragment;
  select(next ?? (first ? { kind: 'fragment', fragment: first } : null), false);
}

async function save(snapshot: EditSnapshot): Promise<void> {
  try {
    await saveEdits({
      identity: snapshot.identity,
      savedAt: Date.now(),
      done: snapshot.history.slice(0, snapshot.position).map((entry) => entry.op),
      redo: snapshot.history.slice(snapshot.position).map((entry) => entry.op),
    });
    useEditStore.getState().setSaveProblem(null);
  } catch (error) {
    useEditStore.getState().setSaveProblem(`The edits could not be saved in this browser: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
