import type { OutlineItem } from './OutlineModel';

/** Outlines up to this many rows open fully; bigger ones open roots and fragments only. */
export const EXPAND_ALL_LIMIT = 400;

/**
 * Which rows start expanded: everything for small graphs (one glance shows
 * the whole thing), just roots and fragments for big ones (the outline
 * stays short: nodes are opened on demand).
 */
export function defaultExpanded(items: readonly OutlineItem[]): Set<number> {
  const all = items.length <= EXPAND_ALL_LIMIT;
  const open = new Set<number>();
  items.forEach((item, id) => {
    if (item.children.length > 0 && (all || item.kind === 'root' || item.kind === 'fragment')) open.add(id);
  });
  return open;
}
