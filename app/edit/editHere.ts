import type { Selection } from '../model/Selection';
import { select } from '../state/select';
import { useSelectionStore } from '../state/selectionStore';

/** Attribute of the inspector field an "edit here" puts focus in (a property's value, a node's name). */
export const EDIT_FOCUS_ATTRIBUTE = 'data-edit-focus';

/** How many frames to wait for the inspector to show the place's Edit section (it waits for the worker's first snapshot). */
const MAX_FRAMES = 60;

/** Whether `selection` is a place the inspector can edit (a fragment, a node or a property). */
export function isEditablePlace(selection: Selection | null): boolean {
  return selection !== null && ['fragment', 'node', 'property'].includes(selection.kind);
}

/**
 * Starts an edit where the user is looking: selects `place` (the outline
 * row or card that was right-clicked; the current selection when omitted)
 * and, once the inspector shows its Edit section, puts focus in the
 * matching field (a property's value editor, a node's rename field, or
 * the first field of a root node's section) with its text selected, so
 * typing replaces it and Enter applies it. Returns false when the place
 * is not editable.
 */
export function editHere(place?: Selection): boolean {
  if (place) select(place);
  const target = useSelectionStore.getState().selection;
  if (!isEditablePlace(target)) return false;
  let frames = 0;
  const attempt = () => {
    // A newer selection wins: stop focusing for a place the user left.
    if (useSelectionStore.getState().selection !== target) return;
    const field = findEditField();
    if (field) {
      field.focus();
      field.select();
    } else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
  return true;
}

/** The marked edit field of the shown Edit section, else its first visible text field. */
function findEditField(): HTMLInputElement | HTMLTextAreaElement | null {
  const marked = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[${EDIT_FOCUS_ATTRIBUTE}]`);
  if (marked) return marked;
  return document.querySelector<HTMLInputElement>(
    '[data-testid="node-edit"] :is(input:not([type="radio"]), textarea):not(details:not([open]) *)',
  );
}
