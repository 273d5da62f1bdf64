import { describe, expect, it } from 'vitest';
import { OrderedRangeAccumulator } from './OrderedRangeAccumulator';
import { PreservedMemoryMap } from './PreservedMemoryMap';
import { PreservedRanges } from './PreservedRanges';
import { revivePreservedMemoryMap } from './revivePreservedMemoryMap';

describe('OrderedRangeAccumulator', () => {
  it('merges each order on its own and all orders together', () => {
    const acc = new OrderedRangeAccumulator();
    acc.forOrder(9).add(0x200000, 0x400000);
    acc.forOrder(0).add(0x400000, 0x401000);
    acc.forOrder(0).add(0x401000, 0x402000);
    acc.forOrder(0).add(0x1000, 0x2000);
    acc.forOrder(9).add(0x400000, 0x600000);
    const { ranges, rangesByOrder } = acc.finish();
    expect(ranges.toArray()).toEqual([
      { start: 0x1000, end: 0x2000 },
      { start: 0x200000, end: 0x600000 },
    ]);
    expect(rangesByOrder.map(({ order, ranges: own }) => ({ order, ranges: own.toArray() }))).toEqual([
      {
        order: 0,
        ranges: [
          { start: 0x1000, end: 0x2000 },
          { start: 0x400000, end: 0x402000 },
        ],
      },
      { order: 9, ranges: [{ start: 0x200000, end: 0x600000 }] },
    ]);
  });

  it('keeps orders apart even when their blocks touch, and gives nothing for nothing', () => {
    const acc = new OrderedRangeAccumulator();
    expect(acc.finish().rangesByOrder).toEqual([]);
    acc.forOrder(1).add(0, 0x2000);
    acc.forOrder(0).add(0x2000, 0x3000);
    const { ranges, rangesByOrder } = acc.finish();
    expect(ranges.count).toBe(1);
    expect(rangesByOrder.map((entry) => [entry.order, entry.ranges.count])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('handles a huge untrusted order without a huge array', () => {
    const acc = new OrderedRangeAccumulator();
    acc.forOrder(0xffffffff).add(0, 1);
    expect(acc.finish().rangesByOrder.map((entry) => entry.order)).toEqual([0xffffffff]);
  });
});

describe('revivePreservedMemoryMap', () => {
  it('restores the range classes after a structured clone', () => {
    const pairs = new Float64Array([0x1000, 0x3000]);
    const map = new PreservedMemoryMap({
      encoding: 'radix-tree',
      address: 0x5000,
      pageSize: 4096,
      status: 'complete',
      details: { encoding: 'radix-tree', depth: 6, depthReason: 'test', nodes: 5, leaves: 1 },
      metadataPages: [0x5000],
      blocksPerOrder: [2],
      ranges: new PreservedRanges(pairs),
      rangesByOrder: [{ order: 0, ranges: new PreservedRanges(pairs) }],
      problems: [],
      droppedProblems: 0,
    });
    const clone = structuredClone(map);
    expect(clone.rangesByOrder[0].ranges.isPreserved).toBeUndefined();
    const revived = revivePreservedMemoryMap(clone);
    expect(revived.isPreserved(0x2000)).toBe(true);
    expect(revived.rangesByOrder[0].ranges.isPreserved(0x3000)).toBe(false);
    expect(revived.rangesByOrder[0].ranges.toArray()).toEqual([{ start: 0x1000, end: 0x3000 }]);
    expect(revived.blockCount).toBe(2);
  });
});
