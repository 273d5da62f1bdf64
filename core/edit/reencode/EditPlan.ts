import type { PreservedBlock } from '../../kho/maps/PreservedBlock';
import type { FragmentLocation } from '../../kho/model/FragmentLocation';

/** How export treated one fragment. */
export type FragmentFate = 'unchanged' | 'patched' | 'rewritten-in-place' | 'moved' | 'grown' | 'new';

/** One fragment of the edited tree as export lays it out. */
export interface PlannedFragment {
  /** Id in the edit state. */
  id: string;
  /** Id the decoder will give it in the exported image (its first address in hex). */
  decodedId: string;
  location: FragmentLocation;
  /** The fragment's bytes as written (FDTs: the blob; raw structs: unchanged). */
  bytes: Uint8Array;
  fate: FragmentFate;
}

/** A root's preserved-memory map as export leaves it. */
export interface PlannedMap {
  root: string;
  encoding: 'chunk-list' | 'radix-tree';
  /** Head chunk or radix root before and after. */
  before: number;
  after: number;
  /** Map entries (order, head address) the edit added, and entries of blocks it gave back. Every other entry is kept. */
  added: PreservedBlock[];
  removed: PreservedBlock[];
  metadataPages: number[];
}

/**
 * Everything an edit changes in physical memory: the changed pages (only
 * those whose bytes differ), where each reachable fragment ends up, the
 * pages taken and given back, and each rewritten map.
 */
export interface EditPlan {
  pageSize: number;
  /** Page address → new bytes of the whole page, ascending. */
  pages: Map<number, Uint8Array>;
  fragments: PlannedFragment[];
  /** Fragments of the input the edited tree no longer reaches (their memory was given back). */
  dropped: string[];
  /** Pages the allocator handed out, in order. */
  allocated: number[];
  /** Byte ranges given back (zeroed) because nothing uses them any more. */
  released: { start: number; end: number }[];
  maps: PlannedMap[];
}
