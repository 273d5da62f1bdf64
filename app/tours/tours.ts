import { parseTour } from './parseTour';
import type { Tour } from './Tour';

/** Every tour file in app/tours/data/, read when the app is built (a malformed one fails the build and the tour test). */
const FILES = import.meta.glob<unknown>('./data/*.json', { eager: true, import: 'default' });

/** The tours, in file-name order (files are named `NN-<id>.json`; the number orders them). */
export const TOURS: readonly Tour[] = Object.keys(FILES)
  .sort()
  .map((path) => parseTour(FILES[path], path.slice('./data/'.length)));

/** The tour with this id, or undefined. */
export function findTour(id: string): Tour | undefined {
  return TOURS.find((tour) => tour.id === id);
}
