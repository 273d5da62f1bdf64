import { useEffect, useState } from 'react';

/**
 * A number that changes whenever the page theme changes (the `data-theme`
 * attribute of <html>), so canvases that read colours from CSS variables
 * know to redraw.
 */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return version;
}
