import type { PhysicalExtent } from '../model/FragmentLocation';
import type { PreservedRanges } from '../maps/PreservedRanges';

/** Most page starts examined per extent: a hostile size must not make the check loop for ever. */
export const MAX_PAGES_EXAMINED = 1 << 20;

/**
 * The page starts of `extents` (rounded out to pages) that `ranges` does not
 * hold: how many, and the first `pagesNamed` of them. At most
 * `MAX_PAGES_EXAMINED` page starts are examined per extent, front to back; a
 * whole preserved range counts as one page examined.
 *
 * Both kinds of run are crossed in one step: a preserved range is jumped
 * over, and so is a gap up to the next range's start (every page start in it
 * is unpreserved), counting its pages at once. So an extent costs one binary
 * search per range or gap it crosses, not one per page (a 4 GiB claim that
 * the map leaves out was a million searches).
 */
export function unpreservedPages(
  pageSize: number,
  extents: readonly PhysicalExtent[],
  ranges: PreservedRanges,
  pagesNamed: number,
): { pages: number[]; count: number } {
  const pages: number[] = [];
  let count = 0;
  for (const extent of extents) {
    let page = extent.start - (extent.start % pageSize);
    let steps = 0;
    while (page < extent.end && steps < MAX_PAGES_EXAMINED) {
      const index = ranges.indexOf(page);
      if (index >= 0) {
        const end = ranges.end(index);
        page = end + ((pageSize - (end % pageSize)) % pageSize);
        steps++;
        continue;
      }
      // Every page start before the next range's start (or the extent's end) is unpreserved.
      const gapEnd = Math.min(extent.end, nextStartAfter(ranges, page));
      const gapPages = Math.min(Math.ceil((gapEnd - page) / pageSize), MAX_PAGES_EXAMINED - steps);
      for (let k = 0; k < gapPages && pages.length < pagesNamed; k++) pages.push(page + k * pageSize);
      count += gapPages;
      steps += gapPages;
      page += gapPages * pageSize;
    }
  }
  return { pages, count };
}

/** Start of the first range starting after `address` (Infinity when none): binary search. */
function nextStartAfter(ranges: PreservedRanges, address: number): number {
  let lo = 0;
  let hi = ranges.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges.start(mid) > address) hi = mid;
    else lo = mid + 1;
  }
  return lo < ranges.count ? ranges.start(lo) : Number.POSITIVE_INFINITY;
}
