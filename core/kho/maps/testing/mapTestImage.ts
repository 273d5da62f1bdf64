import fc from 'fast-check';
import { SparseMemory } from '../../../mem/SparseMemory';
import type { PageAllocator } from '../EncodedMap';
import type { PreservedBlock } from '../PreservedBlock';

/** A page allocator handing out consecutive pages from `start` (test images only). */
export function bumpAllocator(start: number, pageSize: number): PageAllocator {
  let next = start;
  return () => {
    const address = next;
    next += pageSize;
    return address;
  };
}

/** The union of `blocks` as sorted, merged {start, end} ranges: the slow, obvious reference. */
export function naiveUnion(blocks: readonly PreservedBlock[], pageSize: number): { start: number; end: number }[] {
  const spans = blocks
    .map((b) => ({ start: b.address, end: b.address + pageSize * 2 ** b.order }))
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** naiveUnion of each order on its own, ascending by order (the decoders' `rangesByOrder` as plain objects). */
export function naiveUnionByOrder(
  blocks: readonly PreservedBlock[],
  pageSize: number,
): { order: number; ranges: { start: number; end: number }[] }[] {
  const orders = [...new Set(blocks.map((b) => b.order))].sort((a, b) => a - b);
  return orders.map((order) => ({
    order,
    ranges: naiveUnion(
      blocks.filter((b) => b.order === order),
      pageSize,
    ),
  }));
}

/** Block counts per order, trailing zeros trimmed like the decoders' `blocksPerOrder`. */
export function countPerOrder(blocks: readonly PreservedBlock[]): number[] {
  const counts: number[] = [];
  for (const b of blocks) {
    while (counts.length <= b.order) counts.push(0);
    counts[b.order]++;
  }
  return counts;
}

/** RAM used by the map tests: data at [0, 1 TiB), metadata pages from 1 TiB on. */
export const TEST_METADATA_BASE = 2 ** 40;

/** A sparse image with RAM [0, 1 TiB + 1 GiB) for blocks below 1 TiB and metadata above. */
export function mapTestMemory(pageSize: number): SparseMemory {
  return new SparseMemory(pageSize, [{ start: 0, end: TEST_METADATA_BASE + 2 ** 30 }]);
}

/**
 * Distinct random blocks of order 0 to 10 for one page size, each the
 * `index`-th block of its order (index up to `maxIndex`), kept below
 * TEST_METADATA_BASE: what the map round-trip properties encode.
 */
export function arbitraryBlocks(pageSize: number, maxIndex: number): fc.Arbitrary<PreservedBlock[]> {
  return fc
    .uniqueArray(
      fc
        .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: maxIndex }))
        .map(([order, index]) => ({ order, address: index * pageSize * 2 ** order })),
      { maxLength: 80, selector: (b) => `${b.order}:${b.address}` },
    )
    .map((blocks) => blocks.filter((b) => b.address + pageSize * 2 ** b.order <= TEST_METADATA_BASE));
}
