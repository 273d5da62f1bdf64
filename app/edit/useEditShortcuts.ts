import { useEffect } from 'react';
import { typingIn } from '../components/useGlobalShortcuts';
import { useDocumentStore } from '../state/documentStore';
import { redoEdit, undoEdit } from './editActions';

/** Ctrl+Z undoes the last edit, Ctrl+Shift+Z (or Ctrl+Y) redoes it (⌘ on a Mac), outside text fields (whose own undo keeps working). */
export function useEditShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented || typingIn(event.target)) return;
      if (useDocumentStore.getState().status !== 'ready') return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undoEdit();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        void redoEdit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
