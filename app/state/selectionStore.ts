import { create } from 'zustand';
import { sameSelection } from '../explore/selectionKey';
import type { Selection } from '../model/Selection';

/** Earlier selections kept for Back. */
export const HISTORY_LIMIT = 200;

/** The selection store: the shared selection and its history. */
export interface SelectionState {
  /** What every view highlights and the inspector shows; null before a graph is open. */
  selection: Selection | null;
  /** Earlier selections, newest last: Back returns to them. */
  history: Selection[];

  /**
   * Selects `selection`. With `record` (jumps: clicks, links followed,
   * search results) the previous selection goes onto the history; stepping
   * through the outline with the arrow keys does not record every step.
   */
  select(selection: Selection | null, record?: boolean): void;
  /** Returns to the previous selection; false when there is none. */
  back(): boolean;
  /** Starts over for a newly opened graph (empty history). */
  reset(selection: Selection | null): void;
}

/**
 * What the user is looking at, shared by every view. Changes on every
 * click, so it is kept apart from the document (large, changes on open).
 */
export const useSelectionStore = create<SelectionState>()((set, get) => ({
  selection: null,
  history: [],

  select(selection, record = true) {
    const { selection: previous, history } = get();
    if (sameSelection(previous, selection)) return;
    if (record && previous !== null) set({ selection, history: [...history, previous].slice(-HISTORY_LIMIT) });
    else set({ selection });
  },

  back() {
    const { history } = get();
    if (history.length === 0) return false;
    set({ selection: history[history.length - 1], history: history.slice(0, -1) });
    return true;
  },

  reset(selection) {
    set({ selection, history: [] });
  },
}));
