import { create } from 'zustand';
import type { Tour } from './Tour';

/** The tour being given, if any. */
export interface TourState {
  tour: Tour | null;
  /** Index of the step shown (0-based; the URL counts from 1). */
  step: number;
  /** Why the step's place could not be shown (its demo failed to open, the place is not in the image), or null. */
  problem: string | null;
  /** False from a move until the step's place is selected (its demo may be opening meanwhile). */
  shown: boolean;
}

/** The running tour: which one and which step; `tourActions` moves through it. */
export const useTourStore = create<TourState>()(() => ({ tour: null, step: 0, problem: null, shown: false }));
