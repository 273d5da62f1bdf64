/** The slice [start, end) of a fixed-height list worth rendering. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Which rows of a list of `count` rows, each `rowHeight` pixels tall, touch a
 * viewport `height` pixels tall scrolled to `scrollTop`, plus `overscan` rows
 * either side so that fast scrolling does not show gaps.
 */
export function rowWindow(
  scrollTop: number,
  height: number,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.min(count, last + overscan) };
}

/**
 * The scrollTop that brings row `index` fully into a viewport, moving as
 * little as possible (unchanged when the row is already visible).
 */
export function scrollTopRevealing(index: number, scrollTop: number, height: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return Math.max(0, bottom - height);
  return scrollTop;
}
