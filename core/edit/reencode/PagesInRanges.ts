import type { PhysRange } from '../../mem/PhysicalMemory';
import { mergeRanges } from '../../mem/physRanges';

/**
 * The pages a list of ranges touches, as a set that answers `has(page)` by
 * binary search over the merged ranges. It never lists the pages: a hostile
 * image can make one structure claim gigabytes, and a list of every page it
 * touches would grow past what the JavaScript engine allows (a fatal error,
 * not an exception).
 */
export class PagesInRanges {
  private readonly ranges: PhysRange[];

  constructor(ranges: readonly PhysRange[], pageSize: number) {
    // Each range from the start of its first page: a page is touched when it holds any byte of a range.
    this.ranges = mergeRanges(ranges.map((r) => ({ start: r.start - (r.start % pageSize), end: r.end })));
  }

  /** True when the page starting at `page` holds a byte of any of the ranges. */
  has(page: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (page < this.ranges[mid].start) hi = mid - 1;
      else if (page >= this.ranges[mid].end) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
