import { useEffect } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { goBack } from '../state/select';
import { useUiStore, type CenterTab } from '../state/uiStore';

const TAB_KEYS: Record<string, CenterTab> = { g: 'graph', h: 'hex', m: 'memmap', s: 'dts', c: 'compare' };

/** Id of the top bar's search input (the `/` shortcut focuses it). */
export const SEARCH_INPUT_ID = 'search-input';

/** True when the key press belongs to a text field (typing a `g` must not switch tabs). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

/** The page-wide keyboard shortcuts (listed in `SHORTCUTS`). */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const ui = useUiStore.getState();
      if (event.key === 'Escape') {
        if (ui.closeOverlays()) event.preventDefault();
        if (typingIn(event.target)) (event.target as HTMLElement).blur();
        return;
      }
      if (typingIn(event.target)) return;
      const ready = useDocumentStore.getState().status === 'ready';
      const handled = ((): boolean => {
        if (event.key === '?') {
          ui.setHelpOpen(!ui.helpOpen);
          return true;
        }
        if (event.key === 't') {
          ui.toggleTheme();
          return true;
        }
        if (!ready) return false;
        if (event.key === '/') {
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          return true;
        }
        if (event.key === 'Backspace') return goBack();
        if (event.key === 'p') {
          ui.setDiagnosticsOpen(!ui.diagnosticsOpen);
          return true;
        }
        const tab = TAB_KEYS[event.key];
        if (tab) {
          ui.setActiveTab(tab);
          return true;
        }
        return false;
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
