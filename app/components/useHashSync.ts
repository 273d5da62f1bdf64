import { useEffect } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { useSelectionStore } from '../state/selectionStore';
import { useUiStore } from '../state/uiStore';
import { formatHash, parseHash } from '../state/urlHash';

/**
 * Keeps the URL hash in step with the selection and the view (tab, a theme
 * the user chose), and applies the hash's tab and theme when the page
 * loads. The selection in the hash is applied when a graph opens (see
 * `resetViewsFor`); while no graph is open it is left as it is, so
 * reopening the same image after a reload finds it. Uses `replaceState`:
 * selections are not browser history entries (Backspace has its own).
 */
export function useHashSync(): void {
  useEffect(() => {
    const initial = parseHash(location.hash);
    const ui = useUiStore.getState();
    if (initial.tab) ui.setActiveTab(initial.tab);
    if (initial.theme) ui.chooseTheme(initial.theme);

    const write = () => {
      const { theme, themeFollowsSystem, activeTab } = useUiStore.getState();
      const open = useDocumentStore.getState().status === 'ready';
      const selection = open ? useSelectionStore.getState().selection : parseHash(location.hash).selection;
      const hash = formatHash({ selection, tab: activeTab, theme: themeFollowsSystem ? null : theme });
      if (hash !== location.hash)
        history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
    };
    const unsubscribe = [
      useUiStore.subscribe(write),
      useSelectionStore.subscribe(write),
      useDocumentStore.subscribe(write),
    ];
    return () => unsubscribe.forEach((stop) => stop());
  }, []);
}
