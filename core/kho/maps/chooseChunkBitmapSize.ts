import { hex } from '../../bytes/readers';
import { bitmapSpan, SMALL_BITMAP_BYTES } from './chunkListLayout';
import { MapError } from './MapError';

/** One chunk-list entry as read from a chunk page. */
export interface ChunkEntry {
  /** Address of the entry itself (for messages). */
  at: number;
  order: number;
  physStart: number;
  bitmap: number;
}

/** The bitmap size to read a chunk list with, and why. */
export interface BitmapSizeChoice {
  bitmapBytes: number;
  reason: string;
}

/**
 * Picks the `kho-v1` bitmap size (kho-format.md §10): the compatible string
 * did not change when bitmaps grew from 512 bytes (6.16/6.17) to a page
 * (6.18+), so the entries themselves are the evidence. A bitmap pointer that
 * is not page-aligned can only be a 512-byte slab object, and a phys_start
 * that is not a multiple of a page-sized bitmap's span can only come from
 * 512-byte bitmaps; with neither, page-sized bitmaps are assumed. An
 * override (512 or the page size) wins over all of it.
 */
export function chooseChunkBitmapSize(
  entries: readonly ChunkEntry[],
  pageSize: number,
  override?: number,
): BitmapSizeChoice {
  if (override !== undefined) {
    if (override !== SMALL_BITMAP_BYTES && override !== pageSize) {
      throw new MapError(0, 'chunk list', `bitmap size ${override} is neither 512 nor the page size ${pageSize}`);
    }
    return { bitmapBytes: override, reason: `${override}-byte bitmaps, as set by the caller` };
  }
  const unaligned = entries.find((e) => e.bitmap % pageSize !== 0);
  if (unaligned) {
    return {
      bitmapBytes: SMALL_BITMAP_BYTES,
      reason: `bitmap pointer ${hex(unaligned.bitmap)} (entry at ${hex(unaligned.at)}) is not page-aligned, so bitmaps are 512-byte slab objects (kernels 6.16/6.17)`,
    };
  }
  const offGrid = entries.find((e) => e.physStart % bitmapSpan(pageSize, pageSize, e.order) !== 0);
  if (offGrid) {
    return {
      bitmapBytes: SMALL_BITMAP_BYTES,
      reason: `phys_start ${hex(offGrid.physStart)} (entry at ${hex(offGrid.at)}, order ${offGrid.order}) is not a multiple of what a page-sized bitmap covers, so bitmaps hold 4096 bits (512 bytes, kernels 6.16/6.17)`,
    };
  }
  if (entries.length === 0) {
    return { bitmapBytes: pageSize, reason: 'no entries to judge by; page-sized bitmaps (6.18+) assumed' };
  }
  return {
    bitmapBytes: pageSize,
    reason:
      'every bitmap pointer is page-aligned and every phys_start fits page-sized bitmaps, as kernels 6.18+ write them ' +
      '(a small 6.16/6.17 map can look the same: set the bitmap size to 512 if the kernel is older)',
  };
}
