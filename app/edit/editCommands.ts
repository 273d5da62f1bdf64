import type { Command } from '../commands/Command';
import { needsOpenTree } from '../commands/appCommands';
import { useEditStore } from '../state/editStore';
import { useSelectionStore } from '../state/selectionStore';
import { editHere, isEditablePlace } from './editHere';
import { canRedo, canUndo, redoEdit, restoreSavedEdits, undoEdit } from './editActions';

/** Why editing commands cannot run: no tree, or an image that cannot be edited. */
function needsEditable(): string | null {
  return (
    needsOpenTree() ??
    useEditStore.getState().unavailable ??
    (useEditStore.getState().snapshot ? null : 'Open a memory image to edit')
  );
}

/**
 * The edit actions as commands (palette ids `edit.*`, listed in docs/app.md).
 * Ctrl+Z and Ctrl+Shift+Z are not bound here: the registry runs Ctrl keys in
 * text fields too, where they must stay the field's own undo
 * (`useEditShortcuts` handles them outside text fields).
 */
export const EDIT_COMMANDS: readonly Command[] = [
  {
    id: 'edit.here',
    title: 'Edit the selected place in the inspector',
    group: 'Edit',
    keys: ['e'],
    keywords: 'change value rename modify property node outline card',
    unavailable: () =>
      needsEditable() ??
      (isEditablePlace(useSelectionStore.getState().selection) ? null : 'Select a fragment, node or property first'),
    run: () => editHere(),
  },
  {
    id: 'edit.undo',
    title: 'Undo the last edit (Ctrl+Z)',
    group: 'Edit',
    keywords: 'revert back step',
    unavailable: () => needsEditable() ?? (canUndo() ? null : 'There is no edit to undo'),
    run: () => void undoEdit(),
  },
  {
    id: 'edit.redo',
    title: 'Redo the last undone edit (Ctrl+Shift+Z)',
    group: 'Edit',
    keywords: 'again forward step',
    unavailable: () => needsEditable() ?? (canRedo() ? null : 'There is no undone edit to redo'),
    run: () => void redoEdit(),
  },
  {
    id: 'edit.history',
    title: 'Show the edit history',
    group: 'Edit',
    keywords: 'steps log undo list',
    unavailable: () =>
      needsEditable() ?? (useEditStore.getState().snapshot?.history.length ? null : 'Nothing has been edited yet'),
    run: () => useEditStore.getState().setHistoryOpen(true),
  },
  {
    id: 'edit.export',
    title: 'Export the edited image…',
    group: 'Edit',
    keywords: 'save download write image elf modified',
    unavailable: () =>
      needsEditable() ?? ((useEditStore.getState().snapshot?.position ?? 0) > 0 ? null : 'Nothing has been edited yet'),
    run: () => useEditStore.getState().setExportOpen(true),
  },
  {
    id: 'edit.restore',
    title: 'Restore the edits saved in this browser for this image',
    group: 'Edit',
    keywords: 'recover saved indexeddb reload',
    unavailable: () => needsEditable() ?? (useEditStore.getState().offer ? null : 'No saved edits for this image'),
    run: () => void restoreSavedEdits(),
  },
];
