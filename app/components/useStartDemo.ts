import { useEffect } from 'react';
import { openServedImage, servedImageQuery } from '../input/servedImage';
import { useDocumentStore } from '../state/documentStore';
import { useGalleryStore } from '../state/galleryStore';
import { openDemo } from '../state/openActions';
import { findTour } from '../tours/tours';
import { startTour } from '../tours/tourActions';
import { tourFromUrl } from '../tours/tourUrl';

/** The demo named by the page's `?demo=ID` query (what `npm start` prints), or null. */
export function startDemoId(search: string): string | null {
  const id = new URLSearchParams(search).get('demo');
  return id === null || id === '' ? null : id;
}

/**
 * What the page's query asks for once the gallery is read: `?image=…` opens
 * the image `khoscope open` serves, `?tour=…&step=…`
 * starts that tour at that step (opening its demo), `?demo=ID` opens that
 * demo. An unknown tour or demo is said in a notice naming what there is,
 * and the start page stays. Runs once per page load: after that the user
 * is in charge.
 */
export function useStartDemo(): void {
  const status = useGalleryStore((state) => state.status);
  useEffect(() => {
    if (status !== 'ready' || startHandled) return;
    startHandled = true;
    const demos = useGalleryStore.getState().demos;
    const notify = (text: string) => useDocumentStore.getState().notify(text);
    const served = servedImageQuery(location.search, location.href);
    if (served) {
      void openServedImage(served).then((problem) => problem && notify(problem));
      return;
    }
    const asked = tourFromUrl(location.search);
    if (asked) {
      const tour = findTour(asked.tour);
      if (tour) {
        void startTour(tour, asked.step);
        return;
      }
      notify(`There is no tour named “${asked.tour}”. Ctrl+K lists the tours.`);
      return;
    }
    const id = startDemoId(location.search);
    if (id === null) return;
    const demo = demos.find((entry) => entry.id === id);
    if (demo) void openDemo(demo);
    else notify(`There is no demo named “${id}”. The demos are: ${demos.map((entry) => entry.id).join(', ')}.`);
  }, [status]);
}

let startHandled = false;
