import { create } from 'zustand';
import type { LoadProgress } from '../model/LoadProgress';

/** The progress store: how far the open under way has got. */
export interface ProgressState {
  /** Progress of the open under way; null when nothing is being opened. */
  progress: LoadProgress | null;
  setProgress(progress: LoadProgress | null): void;
}

/**
 * Scan and decode progress: changes several times a second while an image
 * opens, so only the progress bar listens to it.
 */
export const useProgressStore = create<ProgressState>()((set) => ({
  progress: null,
  setProgress(progress) {
    set({ progress });
  },
}));
