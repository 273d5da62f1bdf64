import type { PhysRange } from '../../mem/PhysicalMemory';

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

/** The parts of `ranges` not covered by `cut` (both as any list; the result sorted and merged). */
export function subtractRanges(ranges: readonly PhysRange[], cut: readonly PhysRange[]): PhysRange[] {
  const out: PhysRange[] = [];
  const holes = mergeRanges(cut);
  for (const range of mergeRanges(ranges)) {
    let at = range.start;
    for (const hole of holes) {
      if (hole.end <= at || hole.start >= range.end) continue;
      if (hole.start > at) out.push({ start: at, end: hole.start });
      at = Math.max(at, hole.end);
    }
    if (at < range.end) out.push({ start: at, end: range.end });
  }
  return out;
}

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
