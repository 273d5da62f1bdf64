import type { EditOperation } from '../../core/edit';
import type { EditRoot } from '../../core/edit';
import type { Diagnostic } from '../../core/kho';
import type { KhoGraph } from '../../core/kho';
import type { ExportPreview } from './ExportPreview';

/** One step of the edit history: the operation and how it reads. */
export interface HistoryEntry {
  op: EditOperation;
  /** `set demo1:size in 0x1847000`, ... */
  label: string;
}

/**
 * Where editing stands, as the worker tells the page after every change
 * (plain data): the history with the current step, the graph the edited
 * image decodes to, what changed, what export would write and what the edit
 * costs in new diagnostics.
 */
export interface EditSnapshot {
  /** Identity of the image the edits belong to (name, size, hash of its first and KHO pages). */
  identity: string;
  /** Every step: the applied ones first, then the undone ones in the order redo takes them. */
  history: HistoryEntry[];
  /** How many steps of `history` are applied (0: the image as opened). */
  position: number;
  /** The graph the edited image decodes to; null at step 0 (the opened graph stands). */
  graph: KhoGraph | null;
  /** Id of each fragment of the shown graph → its id in the edit state (they differ for moved and new fragments). */
  editIds: Record<string, string>;
  /** Fragments of the shown graph the edit rewrites, patches, moves or creates. */
  changed: string[];
  /** What export would change; null at step 0. */
  preview: ExportPreview | null;
  /** Diagnostics of the edited graph that the opened image did not have. */
  added: Diagnostic[];
  /** The roots as the editor sees them (which properties the editor owns depends on them). */
  roots: EditRoot[];
  /** Why this image cannot be downloaded edited, or null when it can. */
  exportBlocked: string | null;
}

/** The worker's answer to an edit request: the new snapshot, or the refusal in plain words (nothing changed). */
export type EditAnswer = { ok: true; snapshot: EditSnapshot } | { ok: false; refusal: string };
