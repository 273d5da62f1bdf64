import { useRef } from 'react';
import type { OutlineModel } from '../../outline/OutlineModel';
import { toggleRows } from '../../outline/toggleRows';
import { type OutlineRow, visibleRows } from '../../outline/visibleRows';
import { useOutlineStore } from '../../state/outlineStore';

/**
 * The outline's visible lines for `model`. A single expand or collapse
 * (the store's `lastToggle`, made from the set these lines were made for)
 * updates the previous lines (`toggleRows`); anything else (a new graph, a
 * reveal opening several ancestors) walks the tree again. The same value
 * comes back while nothing changed, like `useMemo`.
 */
export function useVisibleRows(model: OutlineModel): readonly OutlineRow[] {
  const expanded = useOutlineStore((state) => state.expanded);
  const lastToggle = useOutlineStore((state) => state.lastToggle);
  const cache = useRef<{ model: OutlineModel; expanded: ReadonlySet<number>; rows: readonly OutlineRow[] } | null>(
    null,
  );
  const last = cache.current;
  if (last && last.model === model && last.expanded === expanded) return last.rows;
  // The toggle was made from these lines' set; any later change would have replaced or cleared it.
  const rows =
    last && last.model === model && lastToggle?.from === last.expanded
      ? toggleRows(last.rows, model.items, expanded, lastToggle.item, lastToggle.open)
      : visibleRows(model.items, model.top, expanded);
  cache.current = { model, expanded, rows };
  return rows;
}
