import type { MemoryItem } from './MemoryItem';

/**
 * The items of one lane, searchable by address: sorted by start, with the
 * furthest end reached so far at each position, so a long item that starts
 * far left of the view is still found, and the scan stops as soon as no
 * earlier item can reach the address.
 */
export class LaneIndex {
  private readonly reach: Float64Array;

  /** `items` must be sorted by start (memoryLanes sorts them). */
  constructor(readonly items: readonly MemoryItem[]) {
    this.reach = new Float64Array(items.length);
    items.forEach((item, i) => (this.reach[i] = Math.max(item.end, i > 0 ? this.reach[i - 1] : -Infinity)));
  }

  /** Indices of the items overlapping [start, end), in start order. */
  query(start: number, end: number): number[] {
    const last = this.lastStartingBefore(end);
    let first = last + 1;
    while (first > 0 && this.reach[first - 1] > start) first--;
    const found: number[] = [];
    for (let i = first; i <= last; i++) if (this.items[i].end > start) found.push(i);
    return found;
  }

  /**
   * The item under an address, allowing `slack` bytes either side (tiny
   * items are drawn wider than they are); the narrowest one when several
   * overlap. Undefined when none.
   */
  at(address: number, slack = 0): MemoryItem | undefined {
    let best: MemoryItem | undefined;
    for (const i of this.query(address - slack, address + slack + 1)) {
      const item = this.items[i];
      const exact = item.start <= address && address < item.end;
      const bestExact = best !== undefined && best.start <= address && address < best.end;
      if (!best || (exact && !bestExact) || (exact === bestExact && item.end - item.start < best.end - best.start))
        best = item;
    }
    return best;
  }

  /** Index of the last item starting before `end`, or -1. */
  private lastStartingBefore(end: number): number {
    let lo = 0;
    let hi = this.items.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid].start < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
