import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunkList } from './decodeChunkList';
import { decodeRadixTree } from './decodeRadixTree';
import { writeEncodedMap } from './EncodedMap';
import { encodeChunkList } from './encodeChunkList';
import { encodeRadixTree } from './encodeRadixTree';
import { blockHolding, blockKey, mapBlocks } from './mapBlocks';
import type { PreservedBlock } from './PreservedBlock';
import { bumpAllocator, mapTestMemory, TEST_METADATA_BASE } from './testing/mapTestImage';

const PAGE = 4096;

/** Distinct blocks of mixed orders, some of them touching (the case that fuses when ranges are merged). */
const blockSets = fc
  .uniqueArray(
    fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 2 ** 12 }))
      .map(([order, index]) => ({ order, address: index * PAGE * 2 ** order })),
    { maxLength: 60, selector: blockKey },
  )
  .map((blocks) => blocks.filter((b) => b.address + PAGE * 2 ** b.order <= TEST_METADATA_BASE));

const sorted = (blocks: readonly PreservedBlock[]) => blocks.map(blockKey).sort();

describe('mapBlocks', () => {
  it('gives back exactly the entries a radix tree or a chunk list was written with', async () => {
    await fc.assert(
      fc.asyncProperty(blockSets, async (blocks) => {
        const radixMemory = mapTestMemory(PAGE);
        const radix = encodeRadixTree(blocks, PAGE, bumpAllocator(TEST_METADATA_BASE, PAGE));
        writeEncodedMap(radixMemory, radix);
        expect(sorted(mapBlocks(await decodeRadixTree(radixMemory, radix.root)))).toEqual(sorted(blocks));

        const chunkMemory = mapTestMemory(PAGE);
        const chunks = encodeChunkList(blocks, PAGE, PAGE, bumpAllocator(TEST_METADATA_BASE, PAGE));
        writeEncodedMap(chunkMemory, chunks);
        expect(sorted(mapBlocks(await decodeChunkList(chunkMemory, chunks.root)))).toEqual(sorted(blocks));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps touching blocks of different orders apart, and finds the block holding an address', async () => {
    // Four order-0 pages followed by an order-2 block: merged, they would read as one order-3 block.
    const blocks = [0, 1, 2, 3].map((i) => ({ address: 0x10_0000 + i * PAGE, order: 0 }));
    blocks.push({ address: 0x10_4000, order: 2 });
    const memory = mapTestMemory(PAGE);
    const encoded = encodeRadixTree(blocks, PAGE, bumpAllocator(TEST_METADATA_BASE, PAGE));
    writeEncodedMap(memory, encoded);
    const map = await decodeRadixTree(memory, encoded.root);
    expect(sorted(mapBlocks(map))).toEqual(sorted(blocks));
    expect(blockHolding(map, 0x10_2000 + 5)).toEqual({ address: 0x10_2000, order: 0 });
    expect(blockHolding(map, 0x10_6000)).toEqual({ address: 0x10_4000, order: 2 });
    expect(blockHolding(map, 0x10_8000)).toBeNull();
    expect(mapBlocks(map, 2)).toHaveLength(2);
  });
});
