import type { Rect } from './CardIndex';

/** The minimap's size on a roomy graph pane (CSS pixels). */
export const MINIMAP_MAX = { width: 200, height: 130 };
/** Smallest minimap still worth drawing: below it the outline of the view is a dot. */
export const MINIMAP_MIN_WIDTH = 96;
/** Share of the graph pane's width (and height) the minimap may take, so it never covers most of the graph. */
const PANE_SHARE = 0.22;

/**
 * The minimap's size for a graph pane of `paneWidth` × `paneHeight`: the
 * full 200 × 130 on a wide pane, scaled down with the pane (same aspect) to
 * at most `PANE_SHARE` of its width and height, and null (no minimap) when
 * even the smallest one would take more than that: the Overview button
 * shows the whole graph then.
 */
export function minimapSize(paneWidth: number, paneHeight: number): { width: number; height: number } | null {
  const aspect = MINIMAP_MAX.height / MINIMAP_MAX.width;
  const width = Math.floor(Math.min(MINIMAP_MAX.width, paneWidth * PANE_SHARE, (paneHeight * PANE_SHARE) / aspect));
  if (width < MINIMAP_MIN_WIDTH) return null;
  return { width, height: Math.round(width * aspect) };
}

/** Distance of the minimap from the pane's right and bottom edges (graph.css `.graph-minimap`; border-box sizing). */
const MINIMAP_INSET = 10;

/**
 * Where the minimap sits in a pane of `paneWidth` × `paneHeight` (pane
 * pixels, border included), or null when the pane has none. A reveal keeps
 * the selection clear of it even while it is hidden: the move that reveals
 * may well show it.
 */
export function minimapBox(paneWidth: number, paneHeight: number): Rect | null {
  const size = minimapSize(paneWidth, paneHeight);
  if (!size) return null;
  const x1 = paneWidth - MINIMAP_INSET;
  const y1 = paneHeight - MINIMAP_INSET;
  return { x0: x1 - size.width, y0: y1 - size.height, x1, y1 };
}
