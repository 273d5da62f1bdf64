import type { ForestLayout } from './layoutForest';

/** Maps world coordinates to minimap pixels and back (x and y scaled separately). */
export interface MinimapScale {
  kx: number;
  ky: number;
  toX(x: number): number;
  toY(y: number): number;
  fromX(px: number): number;
  fromY(py: number): number;
}

/** Inner margin of the minimap in pixels. */
const MARGIN = 4;

/**
 * Squeezes the whole layout into a `width` × `height` minimap. Width and
 * height are scaled separately: a tree 10,000 cards tall and 8 columns wide
 * would otherwise be a hairline.
 */
export function minimapScale(layout: ForestLayout, cardWidth: number, width: number, height: number): MinimapScale {
  let right = 0;
  for (let i = 0; i < layout.x.length; i++) right = Math.max(right, layout.x[i]);
  const worldWidth = right + cardWidth;
  const worldHeight = Math.max(1, layout.maxY - layout.minY);
  const kx = (width - 2 * MARGIN) / worldWidth;
  const ky = (height - 2 * MARGIN) / worldHeight;
  const minY = layout.minY;
  return {
    kx,
    ky,
    toX: (x) => MARGIN + x * kx,
    toY: (y) => MARGIN + (y - minY) * ky,
    fromX: (px) => (px - MARGIN) / kx,
    fromY: (py) => (py - MARGIN) / ky + minY,
  };
}
