/**
 * One preserved block as the kernel records it: 2^order contiguous pages
 * starting at `address`, which is aligned to the block's size.
 */
export interface PreservedBlock {
  /** Physical address of the first page. */
  address: number;
  /** log2 of the number of pages. */
  order: number;
}
