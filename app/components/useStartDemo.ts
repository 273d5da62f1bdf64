import { useEffect } from 'react';
import type { GalleryDemo } from '../demo/builtinDemos';
import { openDemo } from '../state/openActions';

/** The demo named by the page's `?demo=ID` query (what `npm start` prints), or null. */
export function startDemoId(search: string): string | null {
  const id = new URLSearchParams(search).get('demo');
  return id === null || id === '' ? null : id;
}

/**
 * Opens the demo named by `?demo=ID` once the gallery lists it, so the URL
 * that `npm start` prints lands straight on a KHO tree. Opens it at most once
 * per page load: after that the user is in charge.
 */
export function useStartDemo(demos: readonly GalleryDemo[]): void {
  useEffect(() => {
    const id = startDemoId(location.search);
    if (id === null || startDemoOpened) return;
    const demo = demos.find((entry) => entry.id === id);
    if (!demo) return;
    startDemoOpened = true;
    void openDemo(demo);
  }, [demos]);
}

let startDemoOpened = false;
