import type { TreeShape } from './TreeShape';

/** One visible line of the outline. */
export interface OutlineRow {
  item: number;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

/**
 * The outline's lines, top to bottom: each top-level item, then the children
 * of every expanded item, depth first in order. Iterative, because trees
 * from untrusted files can be deeper than the JS call stack.
 */
export function visibleRows(
  items: readonly TreeShape[],
  top: readonly number[],
  expanded: ReadonlySet<number>,
): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const stack: number[] = [...top].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    const item = items[id];
    const hasChildren = item.children.length > 0;
    const open = hasChildren && expanded.has(id);
    rows.push({ item: id, depth: item.depth, hasChildren, expanded: open });
    if (open) {
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
    }
  }
  return rows;
}
