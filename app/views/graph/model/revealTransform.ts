import type { Rect } from './CardIndex';
import { centerOn, type ViewTransform } from './viewportMath';

/** Screen pixels kept between a revealed target and an overlay it is moved clear of. */
const OVERLAY_GAP = 8;
/**
 * Share of the view's height a revealed target may fill; a taller one is
 * shown from its top, which lands this far down the view: below the
 * toolbar, with the rest of the view for what follows.
 */
export const TALL_SHARE = 0.8;
const TALL_TOP = (1 - TALL_SHARE) / 2;

/** `rect` (world) in the view's screen pixels under `transform`. */
function toScreen(rect: Rect, transform: ViewTransform): Rect {
  const { x, y, k } = transform;
  return { x0: rect.x0 * k + x, y0: rect.y0 * k + y, x1: rect.x1 * k + x, y1: rect.y1 * k + y };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
}

/** True when screen rectangle `rect` lies inside the view and under none of `covered`. */
function clearIn(rect: Rect, width: number, height: number, covered: readonly Rect[]): boolean {
  return (
    rect.x0 >= 0 &&
    rect.y0 >= 0 &&
    rect.x1 <= width &&
    rect.y1 <= height &&
    covered.every((over) => !overlaps(rect, over))
  );
}

/**
 * True when world rectangle `target` is wholly on screen under `transform`
 * in a `width` × `height` view, under none of the `covered` screen
 * rectangles (the view's own overlays: toolbar, minimap).
 */
export function isShown(
  target: Rect,
  transform: ViewTransform,
  width: number,
  height: number,
  covered: readonly Rect[] = [],
): boolean {
  return clearIn(toScreen(target, transform), width, height, covered);
}

/**
 * `transform` moved by the least pan that takes `target` clear of every
 * `covered` rectangle while keeping it inside the view, or `transform`
 * unchanged when no such pan exists (the view is too small: the target
 * stays centred). The candidate pans put the target just beside an
 * overlay's edge, on either axis.
 */
function clearOfOverlays(
  target: Rect,
  transform: ViewTransform,
  width: number,
  height: number,
  covered: readonly Rect[],
): ViewTransform {
  const shown = toScreen(target, transform);
  const dxs = [0];
  const dys = [0];
  for (const over of covered) {
    dxs.push(over.x0 - OVERLAY_GAP - shown.x1, over.x1 + OVERLAY_GAP - shown.x0);
    dys.push(over.y0 - OVERLAY_GAP - shown.y1, over.y1 + OVERLAY_GAP - shown.y0);
  }
  let best: { dx: number; dy: number } | null = null;
  for (const dx of dxs)
    for (const dy of dys) {
      if (best && Math.abs(dx) + Math.abs(dy) >= Math.abs(best.dx) + Math.abs(best.dy)) continue;
      const moved = { x0: shown.x0 + dx, y0: shown.y0 + dy, x1: shown.x1 + dx, y1: shown.y1 + dy };
      if (clearIn(moved, width, height, covered)) best = { dx, dy };
    }
  return best ? { k: transform.k, x: transform.x + best.dx, y: transform.y + best.dy } : transform;
}

/**
 * The transform that brings `target` (a world rectangle) into view, or null
 * when it is already wholly visible, readable and clear of the `covered`
 * screen rectangles (the view's toolbar and minimap). The zoom is kept when
 * cards are readable at it, else raised to `readableK`. The target is
 * centred (a target taller than the view is shown from its top), then
 * panned by the least amount that takes it out from under the overlays
 * when the view has room for that.
 */
export function revealTransform(
  target: Rect,
  transform: ViewTransform,
  width: number,
  height: number,
  readableK: number,
  covered: readonly Rect[] = [],
): ViewTransform | null {
  if (transform.k >= readableK && isShown(target, transform, width, height, covered)) return null;
  const k = Math.max(transform.k, readableK);
  const viewHeight = height / k;
  const tall = target.y1 - target.y0 > viewHeight * TALL_SHARE;
  const cy = tall ? target.y0 + viewHeight * (0.5 - TALL_TOP) : (target.y0 + target.y1) / 2;
  const centred = centerOn((target.x0 + target.x1) / 2, cy, k, width, height);
  // Of a tall target, the part that must show: its top, TALL_SHARE of the view high.
  const shown = tall ? { ...target, y1: target.y0 + viewHeight * TALL_SHARE } : target;
  return clearOfOverlays(shown, centred, width, height, covered);
}
