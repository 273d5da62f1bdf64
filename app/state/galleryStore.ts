import { create } from 'zustand';
import { BUILTIN_DEMOS, type GalleryDemo } from '../demo/builtinDemos';
import { parseGalleryManifest } from '../demo/parseGalleryManifest';

/** Where the demo manifest is served (public/demos/index.json, relative so dist/ works from any path). */
const MANIFEST_URL = './demos/index.json';

/** The demo gallery, loaded once per page: the start screen, the palette's demo commands and tours share it. */
export interface GalleryState {
  demos: readonly GalleryDemo[];
  /** 'loading' until the manifest has been read (or found missing): only then is an unknown demo id unknown. */
  status: 'idle' | 'loading' | 'ready';
  /** The demo last opened (its description stays reachable in the explorer); null after opening a file. */
  shown: GalleryDemo | null;
}

/** The gallery store: the built-in demos at once, the manifest's once it is read. */
export const useGalleryStore = create<GalleryState>()(() => ({
  demos: BUILTIN_DEMOS,
  status: 'idle',
  shown: null,
}));

/**
 * The manifest's demos, then the built-in ones it does not already ship (a
 * manifest entry replaces a built-in demo of the same id, or the one it is
 * `shippedAs`), so the gallery never lists one image twice.
 */
export function galleryWith(listed: readonly GalleryDemo[]): readonly GalleryDemo[] {
  const shipped = new Set(listed.map((entry) => entry.id));
  return [...listed, ...BUILTIN_DEMOS.filter((demo) => !shipped.has(demo.id) && !shipped.has(demo.shippedAs ?? ''))];
}

/**
 * Reads public/demos/index.json once (later calls do nothing). A missing or
 * malformed manifest just leaves the built-in demos, so the gallery is
 * never empty.
 */
export async function loadGallery(): Promise<void> {
  if (useGalleryStore.getState().status !== 'idle') return;
  useGalleryStore.setState({ status: 'loading' });
  let demos = BUILTIN_DEMOS;
  try {
    const response = await fetch(MANIFEST_URL);
    // A dev server answers a missing file with its index page: only JSON counts.
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
      const listed = parseGalleryManifest(await response.json());
      if (listed.length > 0) demos = galleryWith(listed);
    }
  } catch {
    // No manifest (or not JSON): the built-in demos stay.
  }
  useGalleryStore.setState({ demos, status: 'ready' });
}
