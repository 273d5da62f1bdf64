import { useDocumentStore } from '../state/documentStore';
import { useGalleryStore } from '../state/galleryStore';
import { explore, openDemo } from '../state/openActions';
import { select } from '../state/select';
import { useUiStore } from '../state/uiStore';
import { resolveTourPlace } from './resolveTourPlace';
import type { Tour } from './Tour';
import { tourUrl } from './tourUrl';
import { useTourStore } from './tourStore';

/** The open this tour runner started for a demo: while it is the document shown, the demo need not be reopened. */
let opened: { demo: string; request: number } | null = null;
/** Bumped on every move, so a slow open answered after the user moved on does not apply an old step. */
let moves = 0;

/** Starts a tour at a step (0-based, clamped); opens its demo when another image is shown. */
export function startTour(tour: Tour, step = 0): Promise<void> {
  useTourStore.setState({ tour, step: clamp(tour, step), problem: null, shown: false });
  return showStep();
}

/** Shows another step of the running tour (clamped to the tour). */
export function goToStep(step: number): Promise<void> {
  const { tour } = useTourStore.getState();
  if (!tour) return Promise.resolve();
  useTourStore.setState({ step: clamp(tour, step), problem: null, shown: false });
  return showStep();
}

/** The next step; false at the last one or without a tour. */
export function nextStep(): boolean {
  const { tour, step } = useTourStore.getState();
  if (!tour || step >= tour.steps.length - 1) return false;
  void goToStep(step + 1);
  return true;
}

/** The previous step; false at the first one or without a tour. */
export function previousStep(): boolean {
  const { tour, step } = useTourStore.getState();
  if (!tour || step === 0) return false;
  void goToStep(step - 1);
  return true;
}

/** Ends the tour; the image and the selection stay as they are. */
export function exitTour(): boolean {
  if (!useTourStore.getState().tour) return false;
  moves++;
  useTourStore.setState({ tour: null, step: 0, problem: null, shown: false });
  writeUrl(null, 0);
  return true;
}

async function showStep(): Promise<void> {
  const move = ++moves;
  const { tour, step } = useTourStore.getState();
  if (!tour) return;
  writeUrl(tour, step);
  const problem = await openTourDemo(tour);
  if (move !== moves) return;
  if (problem) {
    useTourStore.setState({ problem });
    return;
  }
  const graph = useDocumentStore.getState().graph;
  const target = graph ? resolveTourPlace(graph, tour.steps[step].place) : 'the demo has no decoded tree';
  if (typeof target === 'string') {
    useTourStore.setState({ problem: `This step's place cannot be shown: ${target}.` });
    return;
  }
  useUiStore.getState().setActiveTab(tour.steps[step].view);
  select(target);
  useTourStore.setState({ shown: true });
}

/**
 * Makes the tour's demo the document shown: reuses it when this runner
 * opened it and nothing was opened since, else opens it and waits for the
 * answer. An image with several roots (the broken demo) has all its roots
 * with a positive rank decoded, as the chooser's button does. Returns a
 * problem in words, or null.
 */
async function openTourDemo(tour: Tour): Promise<string | null> {
  const documents = useDocumentStore.getState();
  if (opened?.demo === tour.demo && opened.request === documents.request && documents.status === 'ready') return null;
  await untilGallery();
  const demo = useGalleryStore.getState().demos.find((entry) => entry.id === tour.demo);
  if (!demo) return `the tour's demo "${tour.demo}" is not in the gallery`;
  await openDemo(demo);
  let status = await settled();
  if (status === 'choose-root') {
    const scan = useDocumentStore.getState().scan;
    const roots = (scan?.candidates ?? []).filter((candidate) => candidate.rank > 0).map((c) => c.address);
    explore({ ...useDocumentStore.getState().plan, listAllFdts: undefined, roots });
    status = await settled();
  }
  opened = { demo: tour.demo, request: useDocumentStore.getState().request };
  return status === 'ready' ? null : `the demo "${demo.title}" did not open (${status})`;
}

/** Resolves once the open under way has an answer, with the page's status. */
function settled(): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const { status } = useDocumentStore.getState();
      if (status === 'opening') return false;
      resolve(status);
      return true;
    };
    if (check()) return;
    const stop = useDocumentStore.subscribe(() => {
      if (check()) stop();
    });
  });
}

/** Resolves once the gallery's manifest has been read (the tour's demo may be listed only there). */
function untilGallery(): Promise<void> {
  return new Promise((resolve) => {
    if (useGalleryStore.getState().status === 'ready') return resolve();
    const stop = useGalleryStore.subscribe((state) => {
      if (state.status !== 'ready') return;
      stop();
      resolve();
    });
  });
}

function clamp(tour: Tour, step: number): number {
  return Math.max(0, Math.min(tour.steps.length - 1, Math.trunc(step) || 0));
}

function writeUrl(tour: Tour | null, step: number): void {
  if (typeof location === 'undefined') return;
  const next = tourUrl(location.search, tour, step);
  if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
}
