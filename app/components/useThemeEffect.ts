import { useEffect, useLayoutEffect } from 'react';
import { useUiStore } from '../state/uiStore';

/**
 * Applies the theme to the document (`data-theme` on <html>, which the CSS
 * variables key on) and follows system colour-scheme changes until the user
 * picks a theme.
 */
export function useThemeEffect(): void {
  const theme = useUiStore((state) => state.theme);

  // A layout effect, so the first paint already has the right colours.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => useUiStore.getState().systemThemeChanged(query.matches ? 'dark' : 'light');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
}
