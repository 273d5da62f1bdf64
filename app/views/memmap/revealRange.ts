import type { PhysRange } from '../../../core/mem';
import type { AddressScale } from './AddressScale';

/** Narrower than this on screen, a range to reveal is zoomed in on. */
const MIN_VISIBLE_PX = 6;
/** A range zoomed in on is shown about this wide (a share of the map). */
const REVEAL_SHARE = 0.2;

/**
 * The horizontal transform that brings the first of `ranges` into view, or
 * null when it is already visible and wide enough to see: centred, at the
 * current zoom, or zoomed in (up to `maxK`) when it would be too thin.
 */
export function revealRange(
  ranges: readonly PhysRange[],
  scale: AddressScale,
  transform: { x: number; k: number },
  width: number,
  maxK: number,
): { x: number; k: number } | null {
  const range = ranges[0];
  if (!range) return null;
  const x0 = scale.toX(range.start);
  const x1 = scale.toX(range.end);
  const screen0 = x0 * transform.k + transform.x;
  const screen1 = x1 * transform.k + transform.x;
  const thin = screen1 - screen0 < MIN_VISIBLE_PX;
  if (!thin && screen0 >= 0 && screen1 <= width) return null;
  const k = thin
    ? Math.min(maxK, Math.max(transform.k, (width * REVEAL_SHARE) / Math.max(1e-9, x1 - x0)))
    : transform.k;
  // Keep inside the axis: d3's translate extent would clamp anyway; clamping here keeps the maths honest.
  const x = Math.min(0, Math.max(width - scale.width * k, width / 2 - ((x0 + x1) / 2) * k));
  return { x, k };
}
