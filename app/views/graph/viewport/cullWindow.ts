import type { Rect } from '../model/CardIndex';
import { containsRect, expandRect } from '../model/viewportMath';

/** Extra room rendered around the view on every side, as a fraction of its size, so small pans re-render nothing. */
export const CULL_MARGIN = 0.5;
/** A window this many times the view's area (after zooming in a lot) is recomputed, so it stays small. */
const MAX_AREA_RATIO = 16;

/**
 * The world rectangle whose cards should be in the DOM for the `visible`
 * part of the world: the previous window while it still covers the view
 * (and is not far larger), else the view plus a margin. Returning the same
 * object means "nothing to re-render".
 */
export function cullWindow(previous: Rect | null, visible: Rect, levelChanged: boolean): Rect {
  if (previous !== null && !levelChanged && containsRect(previous, visible)) {
    const area = (rect: Rect) => Math.max(1e-9, (rect.x1 - rect.x0) * (rect.y1 - rect.y0));
    if (area(previous) <= MAX_AREA_RATIO * area(visible)) return previous;
  }
  return expandRect(visible, CULL_MARGIN);
}
