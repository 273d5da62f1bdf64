import type { OutlineItem } from './OutlineModel';
import type { OutlineRow } from './visibleRows';

/** What a key press in the outline asks for. */
export type OutlineAction =
  | { kind: 'move'; item: number }
  | { kind: 'expand'; item: number }
  | { kind: 'collapse'; item: number }
  | { kind: 'select'; item: number }
  | { kind: 'follow'; link: string };

/**
 * Maps a key in the outline to an action, following tree-view conventions:
 * Up/Down move (the selection follows), Right opens a closed row or steps
 * into an open one, Left closes an open row or steps out to the parent,
 * Home/End jump to the ends, Enter follows the row's link when it has a
 * followed one (else selects), Space selects. Returns null for keys the
 * outline leaves to the page (Backspace goes back page-wide).
 */
export function outlineKeyAction(
  key: string,
  rows: readonly OutlineRow[],
  cursor: number | null,
  items: readonly OutlineItem[],
): OutlineAction | null {
  if (rows.length === 0) return null;
  const index = cursor === null ? -1 : rows.findIndex((row) => row.item === cursor);
  // A cursor that is not visible (its parent was closed by a click) restarts at the top.
  if (index < 0) return isNavigationKey(key) ? { kind: 'move', item: rows[0].item } : null;
  const row = rows[index];
  const item = items[row.item];
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', item: rows[Math.min(index + 1, rows.length - 1)].item };
    case 'ArrowUp':
      return { kind: 'move', item: rows[Math.max(index - 1, 0)].item };
    case 'Home':
      return { kind: 'move', item: rows[0].item };
    case 'End':
      return { kind: 'move', item: rows[rows.length - 1].item };
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      return row.expanded ? { kind: 'move', item: item.children[0] } : { kind: 'expand', item: row.item };
    case 'ArrowLeft':
      if (row.expanded) return { kind: 'collapse', item: row.item };
      return item.parent >= 0 ? { kind: 'move', item: item.parent } : null;
    case 'Enter':
      return item.link !== null && item.target !== null
        ? { kind: 'follow', link: item.link }
        : { kind: 'select', item: row.item };
    case ' ':
      return { kind: 'select', item: row.item };
    default:
      return null;
  }
}

function isNavigationKey(key: string): boolean {
  return ['ArrowDown', 'ArrowUp', 'Home', 'End', 'ArrowLeft', 'ArrowRight'].includes(key);
}
