import type { EditRoot } from '../../core/edit';
import { useEditStore } from '../state/editStore';

/** What an editor in the inspector needs to know about the edits, for the fragment shown as `shownId`. */
export interface EditContext {
  /** The fragment's id in the edit state (differs from the shown id for moved and new fragments). */
  editId: string;
  roots: readonly EditRoot[];
  /** Why nothing of this image can be edited, or null. */
  unavailable: string | null;
  /** False until the worker has the edit state (editors wait). */
  ready: boolean;
}

/** The edit context of the fragment shown as `shownId` (re-renders when the edits change). */
export function useEditContext(shownId: string): EditContext {
  const snapshot = useEditStore((state) => state.snapshot);
  const unavailable = useEditStore((state) => state.unavailable);
  return {
    editId: snapshot?.editIds[shownId] ?? shownId,
    roots: snapshot?.roots ?? [],
    unavailable,
    ready: snapshot !== null,
  };
}
