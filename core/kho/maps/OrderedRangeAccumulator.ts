import type { OrderRanges } from './PreservedMemoryMap';
import { RangeAccumulator } from './RangeAccumulator';
import type { PreservedRanges } from './PreservedRanges';
import type { RangeSink } from './RangeSink';

/**
 * Collects preserved blocks once and keeps two views of them: all orders
 * merged together, and each order merged on its own. Every range goes to
 * both accumulators as it arrives, so a map is still walked in one pass and
 * each accumulator keeps its "extends the last range" fast path.
 */
export class OrderedRangeAccumulator {
  private readonly merged = new RangeAccumulator();
  // A Map, not an array: a chunk list's order is an untrusted u32.
  private readonly sinks = new Map<number, { own: RangeAccumulator; sink: RangeSink }>();

  /** The sink for blocks of `order`: what it is given lands in that order and in the merged ranges. */
  forOrder(order: number): RangeSink {
    let entry = this.sinks.get(order);
    if (!entry) {
      const own = new RangeAccumulator();
      const merged = this.merged;
      entry = {
        own,
        sink: {
          add(start, end) {
            merged.add(start, end);
            own.add(start, end);
          },
        },
      };
      this.sinks.set(order, entry);
    }
    return entry.sink;
  }

  /** Sorts and merges: the union of all orders, and each order's own ranges (ascending order, empty orders left out). */
  finish(): { ranges: PreservedRanges; rangesByOrder: OrderRanges[] } {
    const rangesByOrder = [...this.sinks.entries()]
      .sort(([a], [b]) => a - b)
      .map(([order, { own }]) => ({ order, ranges: own.finish() }))
      .filter((entry) => entry.ranges.count > 0);
    return { ranges: this.merged.finish(), rangesByOrder };
  }
}
