import { MemoryError } from './MemoryError';
import type { PhysRange } from './PhysicalMemory';
import { firstRangeEndingAfter } from './physRanges';

/**
 * Sorted, disjoint, non-adjacent physical ranges with binary-search lookups:
 * the `ranges` of every container's memory view.
 */
export class RangeList {
  readonly ranges: readonly PhysRange[];

  /** `sorted` must be sorted and non-overlapping; touching ranges are merged. */
  constructor(sorted: readonly PhysRange[]) {
    const merged: PhysRange[] = [];
    for (const r of sorted) {
      if (r.end <= r.start) continue;
      const last = merged[merged.length - 1];
      if (last && last.end === r.start) last.end = r.end;
      else merged.push({ start: r.start, end: r.end });
    }
    this.ranges = merged;
  }

  /** Index of the range holding `address`, or -1. */
  indexOf(address: number): number {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.ranges[mid];
      if (address < r.start) hi = mid - 1;
      else if (address >= r.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** True when every byte of [address, address + length) lies in one range (ranges never touch, so one is needed). */
  contains(address: number, length: number): boolean {
    if (!Number.isSafeInteger(address) || !Number.isSafeInteger(length) || address < 0 || length < 0) return false;
    // An empty span is inside when its address is in a range or at a range's end.
    if (length === 0) return this.indexOf(address) >= 0 || (address > 0 && this.indexOf(address - 1) >= 0);
    const index = this.indexOf(address);
    return index >= 0 && address + length <= this.ranges[index].end;
  }

  /** The parts of [start, end) inside the ranges, in order. */
  *clip(start: number, end: number): Generator<PhysRange> {
    for (let i = firstRangeEndingAfter(this.ranges, start); i < this.ranges.length && this.ranges[i].start < end; i++) {
      const from = Math.max(start, this.ranges[i].start);
      const to = Math.min(end, this.ranges[i].end);
      if (from < to) yield { start: from, end: to };
    }
  }

  /** Throws the memory layer's standard error when [address, address + length) is not all RAM. */
  assertContains(address: number, length: number): void {
    if (!this.contains(address, length)) {
      const at = Number.isSafeInteger(address) && address >= 0 ? address : 0;
      throw new MemoryError(
        'physical',
        at,
        'physical memory',
        `${length} bytes are not all inside the image's RAM ranges`,
      );
    }
  }
}
