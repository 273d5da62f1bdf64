import { floorLog2 } from '../../bytes/bitMath';

/**
 * The order of the smallest folio holding `pages` pages: ceil(log2(pages)),
 * what the kernel's `get_order()` gives for that many pages' bytes. A blob
 * the kernel allocates with `kho_alloc_preserve(size)` is one folio of
 * `get_order(size)` and one map entry of that order
 * (kernel/liveupdate/kexec_handover.c: `folio_alloc(..., get_order(size))`,
 * then `kho_preserve_folio()`).
 */
export function folioOrder(pages: number): number {
  return pages <= 1 ? 0 : floorLog2(pages - 1) + 1;
}
