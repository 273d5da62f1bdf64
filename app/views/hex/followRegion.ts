import type { Fragment, KhoGraph } from '../../../core/kho';
import type { Selection } from '../../model/Selection';
import type { OwnerSpan } from './byteOwners';
import { regionForSelection, type HexRegion } from './HexRegion';
import { selectionHighlights } from './selectionHighlights';

/**
 * The region to show after the selection changed: the current one while
 * the selection has bytes in it (clicking a byte of a memory dump selects a
 * property; the dump must stay), else the selection's own region, else the
 * current one (a selection with no bytes, such as a diagnostic about the
 * whole image, leaves the view as it is).
 */
export function followRegion(
  current: HexRegion | null,
  graph: KhoGraph,
  selection: Selection | null,
  ownersOf: (fragment: Fragment) => readonly OwnerSpan[],
): HexRegion | null {
  if (current !== null && selectionHighlights(selection, current, graph, ownersOf).length > 0) return current;
  const next = regionForSelection(graph, selection);
  if (next === null || (current !== null && next.key === current.key)) return current;
  return next;
}
