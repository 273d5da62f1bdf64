import { create } from 'zustand';
import type { KhoGraph } from '../../core/kho';
import type { SavedEdits } from '../edit/savedEdits';
import type { EditSnapshot } from '../model/EditSnapshot';

/** A refusal shown next to the field or button it is about (`place` names it). */
export interface EditRefusal {
  place: string;
  message: string;
}

/** The edit store: the edits of the open image as the worker last reported them, and the editing UI's state. */
export interface EditState {
  /** The worker session being edited; null when nothing editable is open. */
  session: number | null;
  /** The graph as opened (step 0 of the history). */
  base: KhoGraph | null;
  /** The worker's last report; null until editing has started (or for an image that cannot be edited). */
  snapshot: EditSnapshot | null;
  /** Why this image cannot be edited (a blob set, a lone DTB), when it cannot. */
  unavailable: string | null;
  /** A request is under way in the worker. */
  busy: boolean;
  refusal: EditRefusal | null;
  /** Edits saved in this browser for the open image, offered for restore. */
  offer: SavedEdits | null;
  /** A problem saving the edits in the browser (shown until the next save works). */
  saveProblem: string | null;
  exportOpen: boolean;
  historyOpen: boolean;

  /** Starts over for a newly opened image (nothing edited yet). */
  reset(session: number | null, base: KhoGraph | null): void;
  setSnapshot(snapshot: EditSnapshot): void;
  setUnavailable(reason: string): void;
  setBusy(busy: boolean): void;
  refuse(place: string, message: string): void;
  clearRefusal(place?: string): void;
  setOffer(offer: SavedEdits | null): void;
  setSaveProblem(problem: string | null): void;
  setExportOpen(open: boolean): void;
  setHistoryOpen(open: boolean): void;
}

/** Nothing being edited. */
const NOT_EDITING = {
  session: null,
  base: null,
  snapshot: null,
  unavailable: null,
  busy: false,
  refusal: null,
  offer: null,
  saveProblem: null,
  exportOpen: false,
  historyOpen: false,
} satisfies Partial<EditState>;

/**
 * What the page knows of the edits: kept apart from the document store (the
 * graph) because it changes on every edit, refusal and dialog, and only the
 * editing UI listens to it.
 */
export const useEditStore = create<EditState>()((set, get) => ({
  ...NOT_EDITING,

  reset(session, base) {
    set({ ...NOT_EDITING, session, base });
  },
  setSnapshot(snapshot) {
    set({ snapshot, refusal: null });
  },
  setUnavailable(reason) {
    set({ unavailable: reason });
  },
  setBusy(busy) {
    set({ busy });
  },
  refuse(place, message) {
    set({ refusal: { place, message } });
  },
  clearRefusal(place) {
    if (place === undefined || get().refusal?.place === place) set({ refusal: null });
  },
  setOffer(offer) {
    set({ offer });
  },
  setSaveProblem(problem) {
    set({ saveProblem: problem });
  },
  setExportOpen(open) {
    set({ exportOpen: open });
  },
  setHistoryOpen(open) {
    set({ historyOpen: open });
  },
}));

/** True when the open image differs from the file: at least one edit is applied. */
export function isModified(state: Pick<EditState, 'snapshot'>): boolean {
  return (state.snapshot?.position ?? 0) > 0;
}
