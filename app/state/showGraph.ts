import type { KhoGraph } from '../../core/kho';
import { graphIndexOf } from '../explore/GraphIndex';
import { selectionExists } from '../explore/selectionExists';
import type { Selection } from '../model/Selection';
import { outlineModelOf } from '../outline/buildOutlineModel';
import { defaultExpanded } from '../outline/defaultExpanded';
import { rowFor } from '../outline/rowFor';
import { useOutlineStore } from './outlineStore';
import { useSelectionStore } from './selectionStore';
import { useUiStore } from './uiStore';

/**
 * Resets the views for a newly decoded graph, before it is shown (views must
 * never see the old graph's ids): the outline opens by default, and the
 * selection is `preferred` when it names something in this graph (the URL
 * after reopening the same image), else the first root's fragment.
 */
export function resetViewsFor(graph: KhoGraph, preferred: Selection | null): void {
  const index = graphIndexOf(graph);
  const first = graph.roots.find((root) => root.fragment !== null)?.fragment ?? graph.fragments[0]?.id;
  const selection: Selection | null =
    preferred && selectionExists(index, preferred)
      ? preferred
      : first !== undefined
        ? { kind: 'fragment', fragment: first }
        : null;
  const model = outlineModelOf(graph);
  const row = selection ? rowFor(model, selection) : undefined;
  useOutlineStore.getState().reset(defaultExpanded(model.items), row ?? null);
  if (row !== undefined) useOutlineStore.getState().reveal(model.items, row);
  useSelectionStore.getState().reset(selection);
  const ui = useUiStore.getState();
  ui.setRootsOpen(false);
  ui.setSearchQuery('');
}
