import type { SelectionFocus } from './model/selectionFocus';

/** How a card relates to the selection: it is selected (or holds the selected row), related to it, or neither. */
export type CardMark = 'selected' | 'related' | null;

/** The mark of card `id` under `focus`. */
export function cardMark(id: string, focus: SelectionFocus | null): CardMark {
  if (focus === null) return null;
  if (focus.card === id) return 'selected';
  return focus.related.has(id) ? 'related' : null;
}
