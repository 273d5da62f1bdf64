import { useEffect } from 'react';
import { runCommandForKey } from '../commands/commandRegistry';
import { useUiStore } from '../state/uiStore';

/** True when the key press belongs to a text field (typing a `g` must not switch tabs). */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

/**
 * The page-wide keyboard: Esc closes overlays (and leaves a text field),
 * and with none open runs its command (`tour.exit`); every other key runs
 * the registered command bound to it (`Command.keys`).
 * Plain keys are ignored while typing in a text field; keys with Ctrl or
 * Alt (the palette's Ctrl+K) work there too.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        const typing = typingIn(event.target);
        if (useUiStore.getState().closeOverlays()) event.preventDefault();
        // With nothing left to close, Esc goes to its command (ending a tour).
        else if (!typing && runCommandForKey(event)) event.preventDefault();
        if (typing) (event.target as HTMLElement).blur();
        return;
      }
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      if (!modified && typingIn(event.target)) return;
      if (runCommandForKey(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
