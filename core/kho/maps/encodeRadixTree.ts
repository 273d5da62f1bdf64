import { readU64Number } from '../../bytes/bitMath';
import { hex } from '../../bytes/readers';
import { allocateMapPage, type EncodedMap, type PageAllocator } from './EncodedMap';
import { MapError } from './MapError';
import type { RadixDepthFormula } from './MapDecodeOptions';
import type { PreservedBlock } from './PreservedBlock';
import { levelShift, radixGeometry, radixKey } from './radixGeometry';
import { writeU64 } from '../../bytes/writeU64';

/**
 * Builds a `kho-v2`+ radix tree for `blocks` the way the kernel does: the
 * root page first, then node and leaf pages as keys need them (each from
 * `allocatePage`). Returns the root address and all pages. Throws `MapError`
 * for a misaligned block, or for a key the chosen depth cannot hold (order-0
 * keys on 16 KiB pages with the `original` depth formula).
 */
export function encodeRadixTree(
  blocks: Iterable<PreservedBlock>,
  pageSize: number,
  allocatePage: PageAllocator,
  depthFormula: RadixDepthFormula = 'fixed',
): EncodedMap {
  const geometry = radixGeometry(pageSize, depthFormula);
  const pages = new Map<number, Uint8Array>();
  const root = allocateMapPage(allocatePage, pageSize, pages);
  const rootLevel = geometry.depth - 1;
  const keyLimit = 2 ** (levelShift(geometry, rootLevel) + geometry.tableLog2);
  const leafBits = 2 ** geometry.bitmapLog2;
  const tableSize = 2 ** geometry.tableLog2;
  // Consecutive blocks usually share a leaf: remember the last one.
  let lastLeafKey = -1;
  let lastLeaf = root.bytes;
  for (const block of blocks) {
    const key = radixKey(geometry, block.address, block.order);
    if (key >= keyLimit) {
      throw new MapError(
        block.address,
        'radix tree',
        `order-${block.order} key ${hex(key)} needs more than ${geometry.depth} levels`,
      );
    }
    const leafKey = Math.floor(key / leafBits);
    if (leafKey !== lastLeafKey) {
      let node = root.bytes;
      for (let level = rootLevel; level >= 1; level--) {
        const index = Math.floor(key / 2 ** levelShift(geometry, level)) % tableSize;
        const view = new DataView(node.buffer, node.byteOffset, node.byteLength);
        const child = readU64Number(view, index * 8);
        if (child) {
          node = pages.get(child) as Uint8Array;
        } else {
          const page = allocateMapPage(allocatePage, pageSize, pages);
          writeU64(view, index * 8, page.address);
          node = page.bytes;
        }
      }
      lastLeafKey = leafKey;
      lastLeaf = node;
    }
    const bit = key % leafBits;
    lastLeaf[bit >>> 3] |= 1 << (bit & 7);
  }
  return { root: root.address, pages };
}
