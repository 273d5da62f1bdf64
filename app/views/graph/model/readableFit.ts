import type { Rect } from './CardIndex';
import type { ForestLayout } from './layoutForest';
import { centerOn, fitTransform, type ViewTransform } from './viewportMath';

/**
 * Zoom at which card text is readable: the smallest card text is 11 px in
 * world pixels (graph.css), so 1 shows it at 11 px on screen.
 */
export const READABLE_ZOOM = 1;
/** The readable zoom in presentation mode: card text half as large again, for a projector. */
export const PRESENTING_ZOOM = 1.5;

/** Space kept around what is fitted. */
export const FIT_PADDING = 24;
/** Screen pixels left of a card shown alone, so the edges from its parent are seen arriving. */
const PARENT_GLIMPSE = 60;

/** The world rectangle of laid-out card `i`, `width` wide. */
function cardRect(layout: ForestLayout, i: number, width: number): Rect {
  return { x0: layout.x[i], y0: layout.y[i], x1: layout.x[i] + width, y1: layout.y[i] + layout.height[i] };
}

function union(a: Rect, b: Rect): Rect {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Card `i` with its parent and its children: the neighbourhood a reader wants around a selection. */
export function neighbourhoodRect(layout: ForestLayout, i: number, cardWidth: number): Rect {
  let rect = cardRect(layout, i, cardWidth);
  if (layout.parent[i] >= 0) rect = union(rect, cardRect(layout, layout.parent[i], cardWidth));
  for (let j = 0; j < layout.ids.length; j++)
    if (layout.parent[j] === i) rect = union(rect, cardRect(layout, j, cardWidth));
  return rect;
}

/**
 * The "Fit" view, which must leave card text readable: the whole graph when
 * it fits at `READABLE_ZOOM`; else card `focus` (the selection's card, or
 * the first root) with its parent and children when they fit; else that
 * card at `READABLE_ZOOM` near the left edge (a glimpse of its parent's
 * edges on the left, as much of its children as fits on the right),
 * centred vertically (from its top when taller than the view). Never zooms
 * past `readable` (`READABLE_ZOOM`, or `PRESENTING_ZOOM` for a projector).
 * The overview of everything is `fitTransform`.
 */
export function readableFit(
  layout: ForestLayout,
  bounds: Rect,
  focus: number,
  cardWidth: number,
  width: number,
  height: number,
  readable = READABLE_ZOOM,
): ViewTransform {
  const all = fitTransform(bounds, width, height, FIT_PADDING, readable);
  if (all.k >= readable || layout.ids.length === 0) return all;
  const i = focus >= 0 && focus < layout.ids.length ? focus : 0;
  const near = fitTransform(neighbourhoodRect(layout, i, cardWidth), width, height, FIT_PADDING, readable);
  if (near.k >= readable) return near;
  const card = cardRect(layout, i, cardWidth);
  const viewHeight = height / readable;
  const cy =
    card.y1 - card.y0 > viewHeight - 2 * FIT_PADDING ? card.y0 - FIT_PADDING + viewHeight / 2 : (card.y0 + card.y1) / 2;
  const left = FIT_PADDING + (layout.parent[i] >= 0 ? PARENT_GLIMPSE : 0);
  const centred = centerOn(card.x0, cy, readable, width, height);
  return { ...centred, x: left - card.x0 * readable };
}
