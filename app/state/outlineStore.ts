import { create } from 'zustand';
import { ancestorIds } from '../outline/ancestorIds';
import type { TreeShape } from '../outline/TreeShape';

/** One row expanded or collapsed. */
export interface OutlineToggle {
  from: ReadonlySet<number>;
  item: number;
  open: boolean;
}

/** The outline store: expanded rows and the keyboard cursor. */
export interface OutlineState {
  /** Ids of the expanded rows. Replaced (never mutated) on change, so selectors see a new value. */
  expanded: ReadonlySet<number>;
  /** The keyboard cursor: the row the arrow keys move from, or null before the first focus. */
  cursor: number | null;
  /**
   * The single expand or collapse that made `expanded` from the set `from`
   * (null after any other change), so the outline can update its lines
   * instead of walking the tree again (`toggleRows`).
   */
  lastToggle: OutlineToggle | null;

  setCursor(item: number | null): void;
  setExpanded(item: number, open: boolean): void;
  /** Expands every ancestor of `item` so that its row is visible, and puts the cursor on it. */
  reveal(items: readonly TreeShape[], item: number): void;
  /** Starts over for a newly opened graph. */
  reset(expanded: ReadonlySet<number>, cursor: number | null): void;
}

/**
 * Outline state (what is expanded, where the keyboard cursor is). Changes on
 * every key press, so it lives apart from both the document and the selection.
 */
export const useOutlineStore = create<OutlineState>()((set, get) => ({
  expanded: new Set<number>(),
  cursor: null,
  lastToggle: null,

  setCursor(item) {
    set({ cursor: item });
  },

  setExpanded(item, open) {
    const current = get().expanded;
    if (current.has(item) === open) return;
    const expanded = new Set(current);
    if (open) expanded.add(item);
    else expanded.delete(item);
    set({ expanded, lastToggle: { from: current, item, open } });
  },

  reveal(items, item) {
    const current = get().expanded;
    const closed = ancestorIds(items, item).filter((id) => !current.has(id));
    if (closed.length === 0) set({ cursor: item });
    else set({ expanded: new Set([...current, ...closed]), cursor: item, lastToggle: null });
  },

  reset(expanded, cursor) {
    set({ expanded, cursor, lastToggle: null });
  },
}));
