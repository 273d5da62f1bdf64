import type { Selection } from '../../model/Selection';

/** What cards, rows, edges and badges can do; one stable object per view so memoised cards never re-render for it. */
export interface GraphActions {
  select(selection: Selection): void;
  /** Selects a place and starts editing it in the inspector (right-click on a card, a row or a key property). */
  edit(selection: Selection): void;
  /** Collapses or expands the subtree under a card. */
  toggle(card: string): void;
}
