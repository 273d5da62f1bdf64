import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Rect } from '../model/CardIndex';
import { levelOfDetail, visibleWorld, type LevelOfDetail, type ViewTransform } from '../model/viewportMath';
import { cullWindow } from './cullWindow';

/**
 * The graph view's own viewport state, one store per mounted view. The
 * transform changes on every pan frame; React components subscribe only to
 * `level` and `window`, which change rarely, and canvases subscribe to the
 * transform imperatively, so panning re-renders nothing.
 */
export interface ViewportState {
  transform: ViewTransform;
  /** Viewport size in screen pixels. */
  width: number;
  height: number;
  level: LevelOfDetail;
  /** World rectangle whose cards are rendered. */
  window: Rect;
  setTransform(transform: ViewTransform): void;
  setSize(width: number, height: number): void;
}

export type ViewportStore = StoreApi<ViewportState>;

/** A viewport store at the identity transform and no size yet. */
export function createViewportStore(): ViewportStore {
  return createStore<ViewportState>()((set, get) => {
    const update = (transform: ViewTransform, width: number, height: number) => {
      const state = get();
      const level = levelOfDetail(transform.k);
      const window = cullWindow(state.window, visibleWorld(transform, width, height), level !== state.level);
      set({ transform, width, height, level, window });
    };
    return {
      transform: { x: 0, y: 0, k: 1 },
      width: 0,
      height: 0,
      level: 'detail',
      window: { x0: 0, y0: 0, x1: 0, y1: 0 },
      setTransform: (transform) => update(transform, get().width, get().height),
      setSize: (width, height) => update(get().transform, width, height),
    };
  });
}
