import type { FieldRef } from './FieldRef';

/**
 * Structures in preserved memory that are not fragments but hold or describe
 * data of one: vmalloc areas (`struct kho_vmalloc`), block sets (`kho_block`
 * lists and plain entry arrays), scratch areas and anchor chains.
 */

/** A `struct kho_vmalloc` and what its chunk pages list (kho-format.md §2.3). */
export interface VmallocArea {
  id: string;
  owner: FieldRef;
  /** Root fragment the owner hangs under (whose map should preserve the pages). */
  root: string;
  /** Phys of the first chunk page, or null when 0. */
  first: number | null;
  totalPages: number;
  flags: number;
  order: number;
  /** Chunk pages in list order. */
  chunks: number[];
  /** Start of each 2^order-page piece, in virtual-address order. */
  pieces: number[];
}

/**
 * Entries of one kind stored in memory: a `kho_block` list (§2.4: each block
 * one page, a 16-byte header, then entries) or a plain array behind an
 * optional count header (LUO v1 session header, file arrays, FLB header).
 */
export interface BlockSet {
  id: string;
  owner: FieldRef;
  root: string;
  layout: 'kho-block' | 'array';
  /** What the entries are (`luo_session_ser`, `luo_file_ser`, `luo_flb_ser`). */
  entry: string;
  entrySize: number;
  /** Bytes before the first entry of each block (16 for kho_block, the count header of an array). */
  headerBytes: number;
  /** Each block: where, how many entries, and how many bytes it spans. */
  blocks: { address: number; count: number; bytes: number }[];
}

/** A KHO scratch area (§3). */
export interface ScratchArea {
  id: string;
  address: number;
  size: number;
  /** Where it was found (`debugfs scratch_phys/scratch_len`). */
  source: string;
}

/** A `KHOANCH1` anchor chain holding the page list of a top-level FDT (seed-design.md). */
export interface AnchorChain {
  id: string;
  anchorPages: number[];
  fdtSize: number;
  /** The FDT's pages, concatenated over all anchor pages. */
  pages: number[];
}
