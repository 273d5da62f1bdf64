import type { Selection } from './Selection';

/** The fragment a selection is in (a fragment, or a node or property of one), or null for any other selection. */
export function selectionFragment(selection: Selection | null): string | null {
  if (selection?.kind === 'fragment' || selection?.kind === 'node' || selection?.kind === 'property')
    return selection.fragment;
  return null;
}
