import { bitmapSpan, CHUNK_PAGE, chunkCapacity, chunkEntryOffset, SMALL_BITMAP_BYTES } from './chunkListLayout';
import { checkKhoPageSize } from './checkKhoPageSize';
import { hex } from '../../bytes/readers';
import { allocateMapPage, type EncodedMap, type PageAllocator } from './EncodedMap';
import { MapError } from './MapError';
import type { PreservedBlock } from './PreservedBlock';
import { writeU64 } from '../../bytes/writeU64';

/**
 * Builds a `kho-v1` chunk list for `blocks` like the kernel's serializer:
 * one bitmap per (order, phys_start) pair; chunks grouped by ascending
 * order, entries by ascending phys_start, a new chunk whenever the order
 * changes or a chunk is full. `bitmapBytes` is 512 (6.16/6.17: bitmaps are
 * packed several to a page, like slab objects) or the page size (6.18+: one
 * page each). Bitmap pages are allocated before chunk pages.
 */
export function encodeChunkList(
  blocks: Iterable<PreservedBlock>,
  pageSize: number,
  bitmapBytes: number,
  allocatePage: PageAllocator,
): EncodedMap {
  checkKhoPageSize(pageSize, 'chunk list');
  if (bitmapBytes !== SMALL_BITMAP_BYTES && bitmapBytes !== pageSize) {
    throw new MapError(0, 'chunk list', `bitmap size ${bitmapBytes} is neither 512 nor the page size ${pageSize}`);
  }
  const bitmaps = collectBitmaps(blocks, pageSize, bitmapBytes);
  const pages = new Map<number, Uint8Array>();
  const entries: { order: number; physStart: number; bitmap: number }[] = [];
  let slab: { address: number; bytes: Uint8Array } | undefined;
  let slabUsed = 0;
  for (const order of [...bitmaps.keys()].sort((a, b) => a - b)) {
    const byStart = bitmaps.get(order) as Map<number, Uint8Array>;
    for (const physStart of [...byStart.keys()].sort((a, b) => a - b)) {
      if (slab === undefined || slabUsed + bitmapBytes > pageSize) {
        slab = allocateMapPage(allocatePage, pageSize, pages);
        slabUsed = 0;
      }
      slab.bytes.set(byStart.get(physStart) as Uint8Array, slabUsed);
      entries.push({ order, physStart, bitmap: slab.address + slabUsed });
      slabUsed += bitmapBytes;
    }
  }
  return { root: writeChunks(entries, pageSize, allocatePage, pages), pages };
}

/** order → phys_start → bitmap bytes. */
function collectBitmaps(
  blocks: Iterable<PreservedBlock>,
  pageSize: number,
  bitmapBytes: number,
): Map<number, Map<number, Uint8Array>> {
  const bitmaps = new Map<number, Map<number, Uint8Array>>();
  for (const { address, order } of blocks) {
    const blockSize = pageSize * 2 ** order;
    if (
      !Number.isInteger(order) ||
      order < 0 ||
      address % blockSize !== 0 ||
      !Number.isSafeInteger(address + blockSize)
    ) {
      throw new MapError(
        address,
        'chunk list',
        `order ${order} block at ${hex(address)} is not aligned to its size or not below 2^53`,
      );
    }
    const span = bitmapSpan(pageSize, bitmapBytes, order);
    const physStart = address - (address % span);
    const bit = (address - physStart) / blockSize;
    let byStart = bitmaps.get(order);
    if (!byStart) {
      byStart = new Map();
      bitmaps.set(order, byStart);
    }
    let bitmap = byStart.get(physStart);
    if (!bitmap) {
      bitmap = new Uint8Array(bitmapBytes);
      byStart.set(physStart, bitmap);
    }
    bitmap[bit >>> 3] |= 1 << (bit & 7);
  }
  return bitmaps;
}

/** Writes the chunk pages for `entries` (sorted by order) and returns the head (0 when empty). */
function writeChunks(
  entries: { order: number; physStart: number; bitmap: number }[],
  pageSize: number,
  allocatePage: PageAllocator,
  pages: Map<number, Uint8Array>,
): number {
  const capacity = chunkCapacity(pageSize);
  let head = 0;
  let chunk: DataView | undefined;
  let count = 0;
  let order = -1;
  for (const entry of entries) {
    if (chunk === undefined || count === capacity || entry.order !== order) {
      const page = allocateMapPage(allocatePage, pageSize, pages);
      if (chunk === undefined) head = page.address;
      else writeU64(chunk, CHUNK_PAGE.next, page.address);
      chunk = new DataView(page.bytes.buffer);
      chunk.setUint32(CHUNK_PAGE.order, entry.order, true);
      count = 0;
      order = entry.order;
    }
    const offset = chunkEntryOffset(count);
    writeU64(chunk, offset + CHUNK_PAGE.entry.physStart, entry.physStart);
    writeU64(chunk, offset + CHUNK_PAGE.entry.bitmap, entry.bitmap);
    count++;
    chunk.setUint32(CHUNK_PAGE.count, count, true);
  }
  return head;
}
