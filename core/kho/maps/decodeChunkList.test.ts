import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SparseMemory } from '../../mem/SparseMemory';
import { chunkCapacity } from './chunkListLayout';
import { decodeChunkList } from './decodeChunkList';
import { writeEncodedMap } from './EncodedMap';
import { encodeChunkList } from './encodeChunkList';
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

function image(blocks: PreservedBlock[], pageSize: number, bitmapBytes: number) {
  const memory = mapTestMemory(pageSize);
  const encoded = encodeChunkList(blocks, pageSize, bitmapBytes, bumpAllocator(TEST_METADATA_BASE, pageSize));
  writeEncodedMap(memory, encoded);
  return { memory, encoded };
}

/** A chunk page: header then (phys_start, bitmap) entries. */
function chunkPage(
  pageSize: number,
  next: number,
  order: number,
  count: number,
  entries: [number, number][],
): Uint8Array {
  const page = new Uint8Array(pageSize);
  const view = new DataView(page.buffer);
  writeU64(view, 0, next);
  view.setUint32(8, order, true);
  view.setUint32(12, count, true);
  entries.forEach(([start, bitmap], i) => {
    writeU64(view, 16 + i * 16, start);
    writeU64(view, 24 + i * 16, bitmap);
  });
  return page;
}

describe('decodeChunkList', () => {
  for (const pageSize of [4096, 16384, 65536]) {
    for (const bitmapBytes of [512, pageSize]) {
      it(`round-trips random block sets (${pageSize / 1024} KiB pages, ${bitmapBytes}-byte bitmaps, size detected and forced)`, async () => {
        await fc.assert(
          fc.asyncProperty(arbitraryBlocks(pageSize, 2 ** 18), async (blocks) => {
            const { memory, encoded } = image(blocks, pageSize, bitmapBytes);
            for (const map of [
              await decodeChunkList(memory, encoded.root),
              await decodeChunkList(memory, encoded.root, { chunkBitmapBytes: bitmapBytes }),
            ]) {
              expect(map.problems).toEqual([]);
              expect(map.ranges.toArray()).toEqual(naiveUnion(blocks, pageSize));
              expect(map.rangesByOrder.map(({ order, ranges }) => ({ order, ranges: ranges.toArray() }))).toEqual(
                naiveUnionByOrder(blocks, pageSize),
              );
              expect(map.blocksPerOrder).toEqual(countPerOrder(blocks));
              expect(map.metadataPages).toEqual([...encoded.pages.keys()].sort((a, b) => a - b));
            }
          }),
          { numRuns: 15 },
        );
      });
    }
  }

  it('detects 512-byte bitmaps from an unaligned bitmap pointer and says so', async () => {
    const blocks = [0, 1].map((order) => ({ address: 0x100000, order }));
    const { memory, encoded } = image(blocks, 4096, 512);
    const map = await decodeChunkList(memory, encoded.root);
    expect(map.details).toMatchObject({ encoding: 'chunk-list', chunks: 2, bitmaps: 2, bitmapBytes: 512 });
    expect(map.details.encoding === 'chunk-list' && map.details.bitmapReason).toMatch(/not page-aligned/);
  });

  it('detects 512-byte bitmaps from a phys_start off the page-sized grid', async () => {
    // One bitmap at a 4096-bit boundary that is not a 32768-bit boundary: 512 bytes only.
    const blocks = [{ address: 4096 * 4096, order: 0 }];
    const { memory, encoded } = image(blocks, 4096, 512);
    const map = await decodeChunkList(memory, encoded.root);
    expect(map.details).toMatchObject({ bitmapBytes: 512 });
    expect(map.details.encoding === 'chunk-list' && map.details.bitmapReason).toMatch(
      /phys_start 0x1000000 .* is not a multiple/,
    );
    expect(map.ranges.toArray()).toEqual(naiveUnion(blocks, 4096));
  });

  it('assumes page-sized bitmaps when nothing contradicts them, and honours the override', async () => {
    const blocks = [{ address: 0x2000, order: 0 }];
    const { memory, encoded } = image(blocks, 4096, 4096);
    const map = await decodeChunkList(memory, encoded.root);
    expect(map.details).toMatchObject({ bitmapBytes: 4096 });
    expect(map.details.encoding === 'chunk-list' && map.details.bitmapReason).toMatch(/6\.18\+/);
    const forced = await decodeChunkList(memory, encoded.root, { chunkBitmapBytes: 512 });
    expect(forced.details.encoding === 'chunk-list' && forced.details.bitmapReason).toMatch(/set by the caller/);
    await expect(decodeChunkList(memory, encoded.root, { chunkBitmapBytes: 1024 })).rejects.toThrow(MapError);
  });

  it('reports a cycle, a count above capacity and an impossible order', async () => {
    const memory = new SparseMemory(4096, [{ start: 0, end: 2 ** 36 }]);
    const bitmap = new Uint8Array(4096);
    bitmap[0] = 1;
    memory.write(0x50000, bitmap);
    const full = Array.from({ length: 255 }, (_, i): [number, number] => [i * 32768 * 4096, 0x50000]);
    memory.write(0x10000, chunkPage(4096, 0x11000, 0, 100_000, full));
    memory.write(0x11000, chunkPage(4096, 0x12000, 70, 1, [[0, 0x50000]]));
    memory.write(0x12000, chunkPage(4096, 0x10000, 0, 0, []));
    const map = await decodeChunkList(memory, 0x10000);
    expect(map.problems.map((p) => [p.address, p.message])).toEqual([
      [0x10000, `num_elms 100000 is more than the ${chunkCapacity(4096)} entries a chunk page holds; only 255 read`],
      [0x11000, "order 70 is impossible for 4096-byte pages; the chunk's entries are skipped"],
      [0x12000, 'next pointer leads back to chunk 0x10000: the list has a cycle; stopped there'],
    ]);
    expect(map.blockCount).toBe(255);
    expect(map.details).toMatchObject({ chunks: 3, bitmaps: 255 });
  });

  it('reports dangling pointers: next into a hole, bitmap into a hole, unaligned page-sized bitmap', async () => {
    const memory = new SparseMemory(4096, [{ start: 0, end: 0x100000 }]);
    memory.write(
      0x10000,
      chunkPage(4096, 0x800000, 0, 2, [
        [0, 0x900000],
        [32768 * 4096, 0x20000],
      ]),
    );
    const map = await decodeChunkList(memory, 0x10000, { chunkBitmapBytes: 4096 });
    expect(map.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/pointer 0x800000 leads outside the image's RAM .*found at 0x10000/),
      expect.stringMatching(/pointer 0x900000 leads outside the image's RAM .*found at 0x10010/),
    ]);
    memory.write(0x10000, chunkPage(4096, 0, 0, 1, [[0, 0x20200]]));
    const unaligned = await decodeChunkList(memory, 0x10000, { chunkBitmapBytes: 4096 });
    expect(unaligned.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/0x20200 is not 4096-byte aligned/),
    ]);
  });

  it('bounds chunks and bitmaps', async () => {
    const memory = new SparseMemory(4096, [{ start: 0, end: 0x1000000 }]);
    for (let i = 0; i < 50; i++) memory.write(0x10000 + i * 0x1000, chunkPage(4096, 0x11000 + i * 0x1000, 0, 0, []));
    const map = await decodeChunkList(memory, 0x10000, { maxChunks: 20 });
    expect(map.status).toBe('partial');
    expect(map.problems.map((p) => p.message)).toEqual(['more than 20 chunk pages; the walk stopped here']);
    memory.write(0x10000, chunkPage(4096, 0, 0, 255, []));
    const bitmaps = await decodeChunkList(memory, 0x10000, { maxBitmaps: 100 });
    expect(bitmaps.problems.map((p) => p.message)).toEqual(['more than 100 bitmaps; the walk stopped here']);
  });

  it('rejects misaligned blocks when encoding', () => {
    expect(() => encodeChunkList([{ address: 0x1000, order: 1 }], 4096, 4096, bumpAllocator(0, 4096))).toThrow(
      MapError,
    );
    expect(encodeChunkList([], 4096, 512, bumpAllocator(0, 4096))).toEqual({ root: 0, pages: new Map() });
  });
});
