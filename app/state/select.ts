import { graphIndexOf } from '../explore/GraphIndex';
import type { Selection } from '../model/Selection';
import { outlineModelOf } from '../outline/buildOutlineModel';
import { rowFor } from '../outline/rowFor';
import { useDocumentStore } from './documentStore';
import { useOutlineStore } from './outlineStore';
import { useSelectionStore } from './selectionStore';

/**
 * Selects something from anywhere (outline, graph, hex view, memory map,
 * search, diagnostics, inspector links) and reveals it in the outline, so
 * the views never disagree. `record` puts the previous selection on the
 * history for Back (arrow-key steps in the outline do not).
 */
export function select(selection: Selection | null, record = true): void {
  useSelectionStore.getState().select(selection, record);
  reveal(selection);
}

/** Back to the previous selection (Backspace); false when there is none. */
export function goBack(): boolean {
  const selection = useSelectionStore.getState();
  if (!selection.back()) return false;
  reveal(useSelectionStore.getState().selection);
  return true;
}

/** Follows a link: selects the fragment it reaches. False when the link was not followed. */
export function followLink(linkId: string): boolean {
  const graph = useDocumentStore.getState().graph;
  const target = graph ? graphIndexOf(graph).link(linkId)?.to : null;
  if (!target) return false;
  select({ kind: 'fragment', fragment: target });
  return true;
}

function reveal(selection: Selection | null): void {
  const graph = useDocumentStore.getState().graph;
  if (!graph || !selection) return;
  const model = outlineModelOf(graph);
  const row = rowFor(model, selection);
  if (row !== undefined) useOutlineStore.getState().reveal(model.items, row);
}
