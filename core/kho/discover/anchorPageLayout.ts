/**
 * Byte layout of a `KHOANCH1` anchor page (seed-design.md, all integers
 * little-endian): magic, next anchor page, size of the top-level FDT, number
 * of page addresses here, reserved, then the page addresses.
 */
export const ANCHOR_MAGIC = 'KHOANCH1';
export const ANCHOR_NEXT = 8;
export const ANCHOR_FDT_SIZE = 16;
export const ANCHOR_COUNT = 24;
export const ANCHOR_RESERVED = 28;
export const ANCHOR_PAGES = 32;

/** Page addresses one anchor page holds: (page size − 32) / 8, 508 on 4 KiB pages. */
export function anchorCapacity(pageSize: number): number {
  return (pageSize - ANCHOR_PAGES) / 8;
}
