import type { PhysicalMemory } from './PhysicalMemory';

/**
 * What an image holds for one page:
 * - `stored`: every byte comes from the image file.
 * - `zero-fill`: inside RAM, but the container declares the bytes as zero
 *   without storing them (the ELF `p_filesz`..`p_memsz` tail of a segment).
 * - `excluded`: a kdump page that exists in RAM (1st bitmap) but was not
 *   dumped (2nd bitmap). makedumpfile leaves out zero pages and, by dump
 *   level, free/cache/user pages: reads return zeros, but the real content was
 *   only zero if the dump level excluded zero pages alone.
 * - `hole`: no RAM there; reads reject.
 * - `mixed`: the page combines several of the above (an unaligned segment edge).
 */
export type PageState = 'stored' | 'zero-fill' | 'excluded' | 'hole' | 'mixed';

/** Physical memory of an opened image, which can say where its bytes come from. */
export interface ImageMemory extends PhysicalMemory {
  /** The state of the page containing `address` (see `PageState`). */
  pageState(address: number): Promise<PageState>;
}
