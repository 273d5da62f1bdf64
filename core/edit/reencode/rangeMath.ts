import type { PhysRange } from '../../mem/PhysicalMemory';

/** Start addresses of every page that [start, end) touches. */
export function pagesTouched(range: PhysRange, pageSize: number): number[] {
  const pages: number[] = [];
  for (let page = range.start - (range.start % pageSize); page < range.end; page += pageSize) pages.push(page);
  return pages;
}

/** True when the two ranges share at least one byte. */
export function overlaps(a: PhysRange, b: PhysRange): boolean {
  return a.start < b.end && b.start < a.end;
}
