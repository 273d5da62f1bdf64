import { useEffect } from 'react';
import type { GalleryDemo } from '../demo/builtinDemos';
import { loadGallery, useGalleryStore } from '../state/galleryStore';

/**
 * The demo gallery: the images listed in public/demos/index.json (when the
 * app ships one), then the demos the worker builds itself, so the gallery is
 * never empty. Starts reading the manifest the first time it is used.
 */
export function useGalleryDemos(): readonly GalleryDemo[] {
  useEffect(() => {
    void loadGallery();
  }, []);
  return useGalleryStore((state) => state.demos);
}
