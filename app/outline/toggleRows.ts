import type { TreeShape } from './TreeShape';
import { type OutlineRow, visibleRows } from './visibleRows';

/**
 * The outline's lines after one item was expanded or collapsed, made from
 * the lines before (`rows`, for the expanded set without that change) instead
 * of a walk over every visible item: expanding splices in the walk of the
 * item's own subtree, collapsing cuts its descendants out. Rows of other
 * items keep their identity, so memoised row views do not re-render. An
 * item that is not on a visible line changes nothing in sight.
 */
export function toggleRows(
  rows: readonly OutlineRow[],
  items: readonly TreeShape[],
  expanded: ReadonlySet<number>,
  item: number,
  open: boolean,
): readonly OutlineRow[] {
  const at = rows.findIndex((row) => row.item === item);
  if (at < 0 || !rows[at].hasChildren || rows[at].expanded === open) return rows;
  const toggled: OutlineRow = { ...rows[at], expanded: open };
  if (open) {
    return [
      ...rows.slice(0, at),
      toggled,
      ...visibleRows(items, items[item].children, expanded),
      ...rows.slice(at + 1),
    ];
  }
  let end = at + 1;
  while (end < rows.length && rows[end].depth > toggled.depth) end++;
  return [...rows.slice(0, at), toggled, ...rows.slice(end)];
}
