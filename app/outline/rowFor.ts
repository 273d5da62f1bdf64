import { selectionKey } from '../explore/selectionKey';
import type { Selection } from '../model/Selection';
import type { OutlineModel } from './OutlineModel';

/**
 * The outline row showing a selection, if any. The root node `/` of an FDT
 * fragment is shown by the fragment's own row.
 */
export function rowFor(model: OutlineModel, selection: Selection): number | undefined {
  if (selection.kind === 'node' && selection.node === '/')
    return model.rowOf.get(selectionKey({ kind: 'fragment', fragment: selection.fragment }));
  return model.rowOf.get(selectionKey(selection));
}
