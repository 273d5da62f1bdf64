import { useEffect, useState } from 'react';
import { BUILTIN_DEMOS, type GalleryDemo } from '../demo/builtinDemos';
import { parseGalleryManifest } from '../demo/parseGalleryManifest';

/** Where the demo manifest is served (public/demos/index.json, relative so dist/ works from any path). */
const MANIFEST_URL = './demos/index.json';

/**
 * The demo gallery: the images listed in public/demos/index.json (when the
 * app ships one), then the demos the worker builds itself, so the gallery is
 * never empty. A missing or malformed manifest just leaves the built ones.
 */
export function useGalleryDemos(): readonly GalleryDemo[] {
  const [demos, setDemos] = useState<readonly GalleryDemo[]>(BUILTIN_DEMOS);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const response = await fetch(MANIFEST_URL);
        // A dev server answers a missing file with its index page: only JSON counts.
        if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return;
        const listed = parseGalleryManifest(await response.json());
        if (live && listed.length > 0)
          setDemos([...listed, ...BUILTIN_DEMOS.filter((demo) => !listed.some((entry) => entry.id === demo.id))]);
      } catch {
        // No manifest (or not JSON): the built-in demos stay.
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return demos;
}
