import type { PhysRange } from './PhysicalMemory';

/** Physical ranges as sorted, merged [start, end) pairs. */
export function mergeRanges(ranges: readonly PhysRange[]): PhysRange[] {
  const merged: PhysRange[] = [];
  for (const range of [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** The parts of `ranges` not covered by `cut` (both as any list; the result sorted and merged). Linear after sorting. */
export function subtractRanges(ranges: readonly PhysRange[], cut: readonly PhysRange[]): PhysRange[] {
  const out: PhysRange[] = [];
  const holes = mergeRanges(cut);
  let first = 0;
  for (const range of mergeRanges(ranges)) {
    let at = range.start;
    // Holes wholly before this range are before every later one too.
    while (first < holes.length && holes[first].end <= range.start) first++;
    for (let h = first; h < holes.length && holes[h].start < range.end; h++) {
      if (holes[h].start > at) out.push({ start: at, end: holes[h].start });
      at = Math.max(at, holes[h].end);
    }
    if (at < range.end) out.push({ start: at, end: range.end });
  }
  return out;
}

/** The bytes that lie in both lists of ranges (sorted and merged). */
export function intersectRanges(a: readonly PhysRange[], b: readonly PhysRange[]): PhysRange[] {
  return subtractRanges(a, subtractRanges(a, b));
}

/** The ranges rounded out to whole pages (sorted and merged): every page that holds a byte of them. */
export function pageRanges(ranges: readonly PhysRange[], pageSize: number): PhysRange[] {
  return mergeRanges(
    ranges.map(({ start, end }) => ({
      start: start - (start % pageSize),
      end: end % pageSize === 0 ? end : end - (end % pageSize) + pageSize,
    })),
  );
}

/** Index of the first of `sorted` (sorted, disjoint) that ends after `address`: a binary search. */
export function firstRangeEndingAfter(sorted: readonly { end: number }[], address: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end <= address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
