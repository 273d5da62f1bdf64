/**
 * Byte layout of a `kho-v1` chunk page (`struct khoser_mem_chunk`,
 * kho-format.md §2.1): a 16-byte header {next u64, order u32, num_elms u32}
 * followed by 16-byte entries {phys_start u64, bitmap u64}, all
 * little-endian. The encoder and the decoder both go by this one table.
 */
export const CHUNK_PAGE = {
  /** Offset of `hdr.next` (phys of the next chunk, 0 = last). */
  next: 0,
  /** Offset of `hdr.order`. */
  order: 8,
  /** Offset of `hdr.num_elms`. */
  count: 12,
  headerBytes: 16,
  entryBytes: 16,
  /** Offsets inside one entry (`struct khoser_mem_bitmap_ptr`). */
  entry: { physStart: 0, bitmap: 8 },
} as const;

/** 6.16/6.17 bitmaps: 4096 bits in a 512-byte slab object. */
export const SMALL_BITMAP_BYTES = 512;

/** Offset of entry `index` in a chunk page. */
export function chunkEntryOffset(index: number): number {
  return CHUNK_PAGE.headerBytes + index * CHUNK_PAGE.entryBytes;
}

/** Entries that fit in one chunk page: 255 (4 KiB), 1023 (16 KiB), 4095 (64 KiB). */
export function chunkCapacity(pageSize: number): number {
  return (pageSize - CHUNK_PAGE.headerBytes) / CHUNK_PAGE.entryBytes;
}

/** Bytes covered by one bitmap of `bitmapBytes` at `order`: the step between phys_start values. */
export function bitmapSpan(pageSize: number, bitmapBytes: number, order: number): number {
  return bitmapBytes * 8 * pageSize * 2 ** order;
}
