import type { KhoGraph } from '../../core/kho';
import { graphIndexOf } from '../explore/GraphIndex';
import { selectionExists } from '../explore/selectionExists';
import type { Selection } from '../model/Selection';

/** Fragment ids of a shown graph → ids in the edit state (a missing id is the same in both). */
export type EditIds = Readonly<Record<string, string>>;

/**
 * The selection to keep after the shown graph changed by an edit, undo or
 * redo. A fragment that moved has a new id: the selection follows it through
 * its id in the edit state. What no longer exists falls back to the nearest
 * thing that does (the node of a removed property, the fragment of a removed
 * node); null when nothing is left.
 */
export function remapSelection(
  selection: Selection | null,
  before: EditIds,
  after: EditIds,
  graph: KhoGraph,
): Selection | null {
  if (!selection) return null;
  const index = graphIndexOf(graph);
  if (selection.kind !== 'fragment' && selection.kind !== 'node' && selection.kind !== 'property')
    return selectionExists(index, selection) ? selection : null;
  const fragment = shownId(before[selection.fragment] ?? selection.fragment, after);
  const candidates: Selection[] = [];
  if (selection.kind === 'property') candidates.push({ ...selection, fragment });
  if (selection.kind !== 'fragment') candidates.push({ kind: 'node', fragment, node: selection.node });
  candidates.push({ kind: 'fragment', fragment });
  return candidates.find((candidate) => selectionExists(index, candidate)) ?? null;
}

/** The id a fragment of the edit state has in the shown graph. */
export function shownId(editId: string, editIds: EditIds): string {
  for (const [shown, id] of Object.entries(editIds)) if (id === editId) return shown;
  return editId;
}
