import type { Selection } from '../../model/Selection';

/** What cards, rows, edges and badges can do; one stable object per view so memoised cards never re-render for it. */
export interface GraphActions {
  select(selection: Selection): void;
  /** Collapses or expands the subtree under a card. */
  toggle(card: string): void;
}
