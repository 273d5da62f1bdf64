import type { MapProblem } from './MapProblem';
import type { PreservedRanges } from './PreservedRanges';

/** The two preserved-memory encodings: `kho-v1` chunk list, `kho-v2`+ radix tree. */
export type MapEncoding = 'chunk-list' | 'radix-tree';

/**
 * `complete`: the whole map was walked. `partial`: a limit stopped the walk
 * (see problems). `no-map-yet`: `preserved-memory-map` was 0, which kernels
 * 6.19–7.0 write until finalize: not an error.
 */
export type MapStatus = 'complete' | 'partial' | 'no-map-yet';

/** How a chunk list was read. */
export interface ChunkListDetails {
  encoding: 'chunk-list';
  /** Chunk pages walked. */
  chunks: number;
  /** Bitmaps referenced by the chunks. */
  bitmaps: number;
  /** Bitmap size used: 512 (6.16/6.17) or the page size (6.18+). */
  bitmapBytes: number;
  /** Why that size, in plain words (detected evidence, or the override). */
  bitmapReason: string;
}

/** How a radix tree was read. */
export interface RadixTreeDetails {
  encoding: 'radix-tree';
  /** Levels including leaves. */
  depth: number;
  /** Why that depth, in plain words. */
  depthReason: string;
  /** Intermediate node pages read (root included). */
  nodes: number;
  /** Leaf bitmap pages read. */
  leaves: number;
}

/** The preserved memory of one block order, merged within that order. */
export interface OrderRanges {
  order: number;
  ranges: PreservedRanges;
}

/** Everything a decode found; the constructor argument of `PreservedMemoryMap`. */
export interface PreservedMemoryMapData {
  encoding: MapEncoding;
  /** The `preserved-memory-map` value: head chunk or radix root (0 = no map yet). */
  address: number;
  pageSize: number;
  status: MapStatus;
  details: ChunkListDetails | RadixTreeDetails;
  /** Every chunk, bitmap and node page read, sorted: in use by the map though not preserved themselves. */
  metadataPages: number[];
  /** blocksPerOrder[o] = number of preserved blocks of order o. */
  blocksPerOrder: number[];
  /** The preserved memory as sorted, merged ranges. */
  ranges: PreservedRanges;
  /** The same memory split by block order, ascending, one entry per order that has blocks. */
  rangesByOrder: OrderRanges[];
  problems: MapProblem[];
  /** Problems found past `maxProblems` (counted only). */
  droppedProblems: number;
}

/** A decoded preserved-memory map, shared by both encodings. */
export class PreservedMemoryMap implements PreservedMemoryMapData {
  readonly encoding: MapEncoding;
  readonly address: number;
  readonly pageSize: number;
  readonly status: MapStatus;
  readonly details: ChunkListDetails | RadixTreeDetails;
  readonly metadataPages: number[];
  readonly blocksPerOrder: number[];
  readonly ranges: PreservedRanges;
  readonly rangesByOrder: OrderRanges[];
  readonly problems: MapProblem[];
  readonly droppedProblems: number;

  constructor(data: PreservedMemoryMapData) {
    this.encoding = data.encoding;
    this.address = data.address;
    this.pageSize = data.pageSize;
    this.status = data.status;
    this.details = data.details;
    this.metadataPages = data.metadataPages;
    this.blocksPerOrder = data.blocksPerOrder;
    this.ranges = data.ranges;
    this.rangesByOrder = data.rangesByOrder;
    this.problems = data.problems;
    this.droppedProblems = data.droppedProblems;
  }

  /** Total number of preserved blocks over all orders. */
  get blockCount(): number {
    return this.blocksPerOrder.reduce((sum, n) => sum + n, 0);
  }

  /** True when the byte at `address` is inside preserved memory (binary search). */
  isPreserved(address: number): boolean {
    return this.ranges.isPreserved(address);
  }
}
