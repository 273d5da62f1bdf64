import type { Rect } from './CardIndex';

/** A zoom transform: screen = world × k + (x, y), as d3-zoom defines it. */
export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** How much detail cards get at a zoom level. */
export type LevelOfDetail = 'detail' | 'compact' | 'overview';

/** Below this zoom, card text is too small to read: cards show only their title, larger. */
export const COMPACT_BELOW = 0.5;
/** Below this zoom, even titles are unreadable: cards become rectangles on a canvas. */
export const OVERVIEW_BELOW = 0.2;

/** The level of detail for zoom `k`. */
export function levelOfDetail(k: number): LevelOfDetail {
  if (k < OVERVIEW_BELOW) return 'overview';
  if (k < COMPACT_BELOW) return 'compact';
  return 'detail';
}

/** The part of the world a viewport of `width` × `height` screen pixels shows. */
export function visibleWorld(transform: ViewTransform, width: number, height: number): Rect {
  return {
    x0: -transform.x / transform.k,
    y0: -transform.y / transform.k,
    x1: (width - transform.x) / transform.k,
    y1: (height - transform.y) / transform.k,
  };
}

/** `rect` grown by `fraction` of its width and height on every side. */
export function expandRect(rect: Rect, fraction: number): Rect {
  const dx = (rect.x1 - rect.x0) * fraction;
  const dy = (rect.y1 - rect.y0) * fraction;
  return { x0: rect.x0 - dx, y0: rect.y0 - dy, x1: rect.x1 + dx, y1: rect.y1 + dy };
}

/** True when `inner` lies entirely inside `outer`. */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;
}

/**
 * The transform that shows all of `bounds` in a `width` × `height` viewport
 * with `padding` screen pixels around it, at a zoom no larger than `maxK`.
 */
export function fitTransform(
  bounds: Rect,
  width: number,
  height: number,
  padding: number,
  maxK: number,
): ViewTransform {
  const w = Math.max(1, bounds.x1 - bounds.x0);
  const h = Math.max(1, bounds.y1 - bounds.y0);
  const k = Math.min(maxK, Math.max(1e-6, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)));
  return { k, x: (width - w * k) / 2 - bounds.x0 * k, y: (height - h * k) / 2 - bounds.y0 * k };
}

/** The transform at zoom `k` that puts world point (cx, cy) at the centre of the viewport. */
export function centerOn(cx: number, cy: number, k: number, width: number, height: number): ViewTransform {
  return { k, x: width / 2 - cx * k, y: height / 2 - cy * k };
}

/**
 * The transform that keeps the view where it was when its pane changes from
 * `from` to `to` (screen pixels): the world point at the old centre is at the
 * new centre, at the same zoom. d3-zoom would keep the top-left corner
 * instead, so a narrower pane would cut off whatever was centred on the
 * right, and a wider one would leave it off-centre on the left.
 */
export function resizedTransform(
  transform: ViewTransform,
  from: { width: number; height: number },
  to: { width: number; height: number },
): ViewTransform {
  return {
    k: transform.k,
    x: transform.x + (to.width - from.width) / 2,
    y: transform.y + (to.height - from.height) / 2,
  };
}
