/**
 * Byte layout of a `kho-v1` chunk page (`struct khoser_mem_chunk`,
 * kho-format.md §2.1): a 16-byte header {next u64, order u32, num_elms u32}
 * followed by 16-byte entries {phys_start u64, bitmap u64}.
 */
export const CHUNK_HEADER_BYTES = 16;
export const CHUNK_ENTRY_BYTES = 16;
/** Offset of `hdr.next` (phys of the next chunk, 0 = last). */
export const CHUNK_NEXT = 0;
/** Offset of `hdr.order`. */
export const CHUNK_ORDER = 8;
/** Offset of `hdr.num_elms`. */
export const CHUNK_COUNT = 12;
/** 6.16/6.17 bitmaps: 4096 bits in a 512-byte slab object. */
export const SMALL_BITMAP_BYTES = 512;

/** Entries that fit in one chunk page: 255 (4 KiB), 1023 (16 KiB), 4095 (64 KiB). */
export function chunkCapacity(pageSize: number): number {
  return (pageSize - CHUNK_HEADER_BYTES) / CHUNK_ENTRY_BYTES;
}

/** Bytes covered by one bitmap of `bitmapBytes` at `order`: the step between phys_start values. */
export function bitmapSpan(pageSize: number, bitmapBytes: number, order: number): number {
  return bitmapBytes * 8 * pageSize * 2 ** order;
}
