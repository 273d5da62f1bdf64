import type { SparseMemory } from '../../mem/SparseMemory';
import { MapError } from './MapError';

/**
 * A preserved-memory map produced by an encoder: the value for the root's
 * `preserved-memory-map` property and the pages to place in memory.
 */
export interface EncodedMap {
  /** Head chunk or radix root address (0 for an empty chunk list). */
  root: number;
  /** Page address → page bytes, for every page the map occupies. */
  pages: Map<number, Uint8Array>;
}

/** Allocates one free page for map metadata and returns its physical address. */
export type PageAllocator = () => number;

/** Writes every page of an encoded map into `memory`. */
export function writeEncodedMap(memory: SparseMemory, map: EncodedMap): void {
  for (const [address, bytes] of map.pages) memory.write(address, bytes);
}

/** Calls `allocate` and checks that it returned a new, page-aligned address. */
export function allocateMapPage(
  allocate: PageAllocator,
  pageSize: number,
  pages: Map<number, Uint8Array>,
): { address: number; bytes: Uint8Array } {
  const address = allocate();
  if (!Number.isSafeInteger(address) || address < 0 || address % pageSize !== 0 || pages.has(address)) {
    throw new MapError(
      Number.isFinite(address) ? address : 0,
      'page allocator',
      `returned ${address}, which is not a new page-aligned address`,
    );
  }
  const bytes = new Uint8Array(pageSize);
  pages.set(address, bytes);
  return { address, bytes };
}
