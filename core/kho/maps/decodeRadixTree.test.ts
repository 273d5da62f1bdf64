import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SparseMemory } from '../../mem/SparseMemory';
import { decodeRadixTree } from './decodeRadixTree';
import { writeEncodedMap } from './EncodedMap';
import { encodeRadixTree } from './encodeRadixTree';
import { MapError } from './MapError';
import type { PreservedBlock } from './PreservedBlock';
import {
  arbitraryBlocks,
  bumpAllocator,
  countPerOrder,
  mapTestMemory,
  naiveUnion,
  naiveUnionByOrder,
  TEST_METADATA_BASE,
} from './testing/mapTestImage';
import { writeU64 } from '../../bytes/writeU64';

/** Encodes `blocks` into a fresh test image and decodes them back. */
async function roundTrip(blocks: PreservedBlock[], pageSize: number) {
  const memory = mapTestMemory(pageSize);
  const encoded = encodeRadixTree(blocks, pageSize, bumpAllocator(TEST_METADATA_BASE, pageSize));
  writeEncodedMap(memory, encoded);
  return { encoded, map: await decodeRadixTree(memory, encoded.root) };
}

/** A hand-built tree: 4 KiB pages, RAM [0, 512 MiB), pages placed by the test. */
function handTree(): { memory: SparseMemory; node: (address: number, entries: [number, number][]) => void } {
  const memory = new SparseMemory(4096, [{ start: 0, end: 0x2000_0000 }]);
  const node = (address: number, entries: [number, number][]) => {
    const page = new Uint8Array(4096);
    const view = new DataView(page.buffer);
    for (const [index, value] of entries) writeU64(view, index * 8, value);
    memory.write(address, page);
  };
  return { memory, node };
}

describe('decodeRadixTree', () => {
  for (const pageSize of [4096, 16384, 65536]) {
    it(`round-trips random block sets (${pageSize / 1024} KiB pages)`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryBlocks(pageSize, 2 ** 20), async (blocks) => {
          const { encoded, map } = await roundTrip(blocks, pageSize);
          expect(map.problems).toEqual([]);
          expect(map.status).toBe('complete');
          expect(map.ranges.toArray()).toEqual(naiveUnion(blocks, pageSize));
          expect(map.rangesByOrder.map(({ order, ranges }) => ({ order, ranges: ranges.toArray() }))).toEqual(
            naiveUnionByOrder(blocks, pageSize),
          );
          expect(map.blocksPerOrder).toEqual(countPerOrder(blocks));
          expect(map.metadataPages).toEqual([...encoded.pages.keys()].sort((a, b) => a - b));
        }),
        { numRuns: 25 },
      );
    });
  }

  it('lays out the worked example where §2.2 says (root index 2, level 1 index 2, leaf bit 0)', async () => {
    const { encoded, map } = await roundTrip([{ address: 0x1000_0000, order: 0 }], 4096);
    const pageAt = (address: number) => encoded.pages.get(address) as Uint8Array;
    const entry = (page: Uint8Array, i: number) => Number(new DataView(page.buffer).getBigUint64(i * 8, true));
    let page = pageAt(encoded.root);
    let child = entry(page, 2);
    for (let level = 4; level >= 2; level--) {
      page = pageAt(child);
      child = entry(page, 0);
    }
    page = pageAt(child);
    const leaf = pageAt(entry(page, 2));
    expect(leaf[0]).toBe(1);
    expect(leaf.slice(1).every((b) => b === 0)).toBe(true);
    expect(encoded.pages.size).toBe(6);
    expect(map.ranges.toArray()).toEqual([{ start: 0x1000_0000, end: 0x1000_1000 }]);
    expect(map.isPreserved(0x1000_0fff)).toBe(true);
    expect(map.isPreserved(0x1000_1000)).toBe(false);
  });

  it('decodes a full leaf as one range and sums bytes', async () => {
    const blocks = Array.from({ length: 32768 }, (_, i) => ({ address: 0x4000_0000 + i * 4096, order: 0 }));
    const { map } = await roundTrip(blocks, 4096);
    expect(map.ranges.toArray()).toEqual([{ start: 0x4000_0000, end: 0x4000_0000 + 32768 * 4096 }]);
    expect(map.ranges.totalBytes).toBe(128 * 2 ** 20);
    expect(map.blockCount).toBe(32768);
  });

  it('uses the pre-fix depth on request for 16 KiB pages, where order-0 keys do not fit', async () => {
    const pageSize = 16384;
    const alloc = bumpAllocator(TEST_METADATA_BASE, pageSize);
    expect(() => encodeRadixTree([{ address: 0, order: 0 }], pageSize, alloc, 'original')).toThrow(MapError);
    const memory = mapTestMemory(pageSize);
    const encoded = encodeRadixTree(
      [{ address: 0x100000, order: 1 }],
      pageSize,
      bumpAllocator(TEST_METADATA_BASE, pageSize),
      'original',
    );
    writeEncodedMap(memory, encoded);
    const map = await decodeRadixTree(memory, encoded.root, { radixDepthFormula: 'original' });
    expect(map.details).toMatchObject({ depth: 4 });
    expect(map.ranges.toArray()).toEqual([{ start: 0x100000, end: 0x108000 }]);
    // Read with the default (fixed) depth, the same pages mean something else.
    const misread = await decodeRadixTree(memory, encoded.root);
    expect(misread.ranges.toArray()).not.toEqual(map.ranges.toArray());
  });

  it('reports a cycle back to the root and a page shared by two parents', async () => {
    const { memory, node } = handTree();
    // 4 KiB: levels 5..1 then the leaf. Root 0x10000 → 0x11000 → 0x12000 → 0x13000 → 0x14000 → leaf 0x15000.
    node(0x10000, [[2, 0x11000]]);
    node(0x11000, [
      [0, 0x12000],
      [1, 0x10000],
    ]);
    node(0x12000, [[0, 0x13000]]);
    node(0x13000, [
      [0, 0x14000],
      [1, 0x14000],
    ]);
    node(0x14000, [[2, 0x15000]]);
    memory.write(0x15000, Uint8Array.of(1));
    const map = await decodeRadixTree(memory, 0x10000);
    expect(map.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/page 0x14000 is reached a second time/),
      expect.stringMatching(/page 0x10000 is reached a second time/),
    ]);
    expect(map.ranges.toArray()).toEqual([{ start: 0x1000_0000, end: 0x1000_1000 }]);
    expect(map.metadataPages).toEqual([0x10000, 0x11000, 0x12000, 0x13000, 0x14000, 0x15000]);
  });

  it('reports pointers into holes, unaligned, above 2^53 and keys above the order bit, and goes on', async () => {
    const { memory, node } = handTree();
    node(0x10000, [
      [0, 0x9000_0000],
      [1, 0x20008],
      [2, 2 ** 53 + 2 ** 40],
      [3, 0x11000],
      [4, 0x11000],
      [511, 0x11000],
    ]);
    const map = await decodeRadixTree(memory, 0x10000);
    const messages = map.problems.map((p) => `${p.address.toString(16)} ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^90000000 pointer 0x90000000 leads outside the image's RAM .*found at 0x10000/),
      expect.stringMatching(/^20008 pointer 0x20008 is not 4096-byte aligned/),
      expect.stringMatching(/^10010 entry 2 holds 0x20010000000000, a pointer above 2\^53/),
      expect.stringMatching(/^10020 entry 4 leads to keys above the order-0 bit/),
      expect.stringMatching(/^10ff8 entry 511 leads to keys above the order-0 bit/),
    ]);
    expect(map.blockCount).toBe(0);
  });

  it('stops at maxNodes and maxBlocks with a partial map', async () => {
    const blocks = Array.from({ length: 40 }, (_, i) => ({ address: i * 2 ** 28, order: 0 }));
    const memory = mapTestMemory(4096);
    const encoded = encodeRadixTree(blocks, 4096, bumpAllocator(TEST_METADATA_BASE, 4096));
    writeEncodedMap(memory, encoded);
    const few = await decodeRadixTree(memory, encoded.root, { maxNodes: 10 });
    expect(few.status).toBe('partial');
    expect(few.problems.at(-1)?.message).toMatch(/more than 10 radix pages/);
    expect(few.metadataPages.length).toBe(10);
    const capped = await decodeRadixTree(memory, encoded.root, { maxBlocks: 5 });
    expect(capped.status).toBe('partial');
    expect(capped.blockCount).toBe(6);
  });

  it('reports blocks outside RAM', async () => {
    const memory = new SparseMemory(4096, [
      { start: 0, end: 0x100000 },
      { start: 0x200000, end: 0x300000 },
    ]);
    const encoded = encodeRadixTree([{ address: 0, order: 9 }], 4096, bumpAllocator(0x200000, 4096));
    writeEncodedMap(memory, encoded);
    const map = await decodeRadixTree(memory, encoded.root);
    expect(map.problems.map((p) => p.message)).toEqual([
      "preserved memory [0x100000, 0x200000) lies outside the image's RAM",
    ]);
  });

  it('decodes absurd orders from the lowest leaf bit by bit', async () => {
    const { memory, node } = handTree();
    node(0x10000, [[0, 0x11000]]);
    node(0x11000, [[0, 0x12000]]);
    node(0x12000, [[0, 0x13000]]);
    node(0x13000, [[0, 0x14000]]);
    node(0x14000, [[0, 0x15000]]);
    // Leaf bit 0 is key 0 (invalid); bits 16384 and 16385 have their order bit
    // at 14: order 38, 2^50-byte blocks at 0 and 2^50; bit 16392 is the order-38
    // block at 8·2^50, above 2^53.
    const leaf = new Uint8Array(4096);
    leaf[0] = 1;
    leaf[2048] = 0b11;
    leaf[2049] = 1;
    memory.write(0x15000, leaf);
    const map = await decodeRadixTree(memory, 0x10000);
    expect(map.blocksPerOrder[38]).toBe(2);
    expect(map.ranges.toArray()).toEqual([{ start: 0, end: 2 ** 51 }]);
    expect(map.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/key 0/),
      expect.stringMatching(/order-38 block above 2\^53/),
      expect.stringMatching(/outside the image's RAM/),
    ]);
  });

  it('reports progress and can be cancelled', async () => {
    const blocks = Array.from({ length: 200 }, (_, i) => ({ address: i * 2 ** 27, order: 0 }));
    const memory = mapTestMemory(4096);
    const encoded = encodeRadixTree(blocks, 4096, bumpAllocator(TEST_METADATA_BASE, 4096));
    writeEncodedMap(memory, encoded);
    const seen: number[] = [];
    await decodeRadixTree(memory, encoded.root, { onProgress: (p) => seen.push(p.pagesRead) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(encoded.pages.size);
    const controller = new AbortController();
    const cancelled = decodeRadixTree(memory, encoded.root, {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('user cancelled')),
    });
    await expect(cancelled).rejects.toThrow('user cancelled');
  });

  it('decodes a quarter million scattered order-0 pages quickly (perf sanity)', async () => {
    const pageSize = 4096;
    // Every other page over 2 GiB: the worst case for runs (one range per block).
    const blocks = Array.from({ length: 262_144 }, (_, i) => ({ address: i * 2 * pageSize, order: 0 }));
    const memory = mapTestMemory(pageSize);
    writeEncodedMap(memory, encodeRadixTree(blocks, pageSize, bumpAllocator(TEST_METADATA_BASE, pageSize)));
    const started = performance.now();
    const map = await decodeRadixTree(memory, TEST_METADATA_BASE);
    const elapsed = performance.now() - started;
    expect(map.blockCount).toBe(262_144);
    expect(map.ranges.count).toBe(262_144);
    expect(map.isPreserved(2 * pageSize * 1000)).toBe(true);
    expect(map.isPreserved(2 * pageSize * 1000 + pageSize)).toBe(false);
    expect(elapsed).toBeLessThan(3000);
  });
});
