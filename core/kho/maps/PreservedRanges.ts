/**
 * Sorted, merged, non-overlapping physical ranges [start, end), stored as
 * interleaved pairs in one Float64Array (compact, and transferable to or from
 * a Web Worker: rebuild with `new PreservedRanges(pairs)`).
 */
export class PreservedRanges {
  /** [start0, end0, start1, end1, ...], ascending, non-overlapping, non-touching. */
  readonly pairs: Float64Array;

  /** `pairs` must already be sorted and merged (as `RangeAccumulator.finish` makes them). */
  constructor(pairs: Float64Array) {
    this.pairs = pairs;
  }

  /** Number of ranges. */
  get count(): number {
    return this.pairs.length >>> 1;
  }

  /** Start of range `i`. */
  start(i: number): number {
    return this.pairs[2 * i];
  }

  /** End (exclusive) of range `i`. */
  end(i: number): number {
    return this.pairs[2 * i + 1];
  }

  /** Total bytes covered. */
  get totalBytes(): number {
    let sum = 0;
    for (let i = 0; i < this.pairs.length; i += 2) sum += this.pairs[i + 1] - this.pairs[i];
    return sum;
  }

  /** Index of the range holding `address`, or -1 (binary search). */
  indexOf(address: number): number {
    const pairs = this.pairs;
    let lo = 0;
    let hi = (pairs.length >>> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[2 * mid] > address) hi = mid - 1;
      else if (pairs[2 * mid + 1] <= address) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** True when `address` lies inside a preserved range. */
  isPreserved(address: number): boolean {
    return this.indexOf(address) >= 0;
  }

  /** The ranges as objects (for printing and tests; the pairs are the compact form). */
  toArray(): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    for (let i = 0; i < this.pairs.length; i += 2) out.push({ start: this.pairs[i], end: this.pairs[i + 1] });
    return out;
  }
}
