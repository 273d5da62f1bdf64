import { useLayoutEffect } from 'react';
import { useUiStore } from '../state/uiStore';

/** Marks <html> with `data-presenting` while presentation mode is on (styles/presentation.css keys on it). */
export function usePresentationEffect(): void {
  const presenting = useUiStore((state) => state.presenting);
  useLayoutEffect(() => {
    if (presenting) document.documentElement.dataset.presenting = '';
    else delete document.documentElement.dataset.presenting;
  }, [presenting]);
}
