import { PreservedRanges } from './PreservedRanges';
import type { RangeSink } from './RangeSink';

/**
 * Collects preserved ranges in any order and turns them into sorted, merged
 * `PreservedRanges`. Runs of adjacent blocks arrive back to back (bit runs in
 * a bitmap), so each new range that starts where the last one ended just
 * extends it: millions of pages usually end up as a few thousand ranges.
 */
export class RangeAccumulator implements RangeSink {
  // Small at first, doubled as needed: a map decode makes one accumulator per
  // order plus one merged, and most maps hold a handful of ranges each.
  private starts = new Float64Array(16);
  private ends = new Float64Array(16);
  private length = 0;
  private ascending = true;

  /** Adds [start, end) (start < end). */
  add(start: number, end: number): void {
    const n = this.length;
    if (n > 0) {
      if (start === this.ends[n - 1]) {
        this.ends[n - 1] = end;
        return;
      }
      if (start < this.starts[n - 1]) this.ascending = false;
    }
    if (n === this.starts.length) this.grow();
    this.starts[n] = start;
    this.ends[n] = end;
    this.length = n + 1;
  }

  /** Sorts and merges everything added so far (touching ranges merge too). */
  finish(): PreservedRanges {
    const n = this.length;
    if (n === 0) return new PreservedRanges(new Float64Array(0));
    // At most n merged ranges: fill a buffer of that size and trim it.
    const out = new Float64Array(2 * n);
    let m = 0;
    const emit = (start: number, end: number) => {
      out[m++] = start;
      out[m++] = end;
    };
    if (this.ascending) {
      let open = this.starts[0];
      let close = this.ends[0];
      for (let i = 1; i < n; i++) {
        if (this.starts[i] <= close) {
          if (this.ends[i] > close) close = this.ends[i];
        } else {
          emit(open, close);
          open = this.starts[i];
          close = this.ends[i];
        }
      }
      emit(open, close);
    } else {
      // The union of intervals only depends on the sorted starts and the
      // sorted ends, so both sort natively (no comparator, no index array).
      // A sweep counts open intervals; a start equal to an end is taken first
      // so touching ranges merge.
      const starts = this.starts.slice(0, n).sort();
      const ends = this.ends.slice(0, n).sort();
      let depth = 0;
      let open = 0;
      let j = 0;
      for (let i = 0; i < n; i++) {
        while (ends[j] < starts[i]) {
          depth--;
          if (depth === 0) emit(open, ends[j]);
          j++;
        }
        if (depth === 0) open = starts[i];
        depth++;
      }
      emit(open, ends[n - 1]);
    }
    return new PreservedRanges(m === out.length ? out : out.slice(0, m));
  }

  private grow(): void {
    const starts = new Float64Array(this.starts.length * 2);
    const ends = new Float64Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
