/**
 * Options of the preserved-memory map decoders: hard limits that keep a
 * hostile map bounded, overrides for the two format ambiguities, and the
 * cancel/progress hooks of a long decode.
 */
export interface MapDecodeOptions {
  /** Page size of the kernel that wrote the map; defaults to the memory's page size. */
  pageSize?: number;
  /** Most chunk pages a `kho-v1` chunk list may have (default 16,384). */
  maxChunks?: number;
  /** Most bitmaps a `kho-v1` chunk list may reference (default 1,048,576). */
  maxBitmaps?: number;
  /** Most radix-tree pages (nodes and leaves) to read (default 65,536). */
  maxNodes?: number;
  /** Most preserved blocks to collect; checked after each bitmap or leaf (default 2^28). */
  maxBlocks?: number;
  /** Most problems to keep; later ones are only counted (default 1,000). */
  maxProblems?: number;
  /** `kho-v1` bitmap size in bytes (512 or the page size), instead of detecting it. */
  chunkBitmapBytes?: number;
  /**
   * Radix-tree depth formula: `fixed` (default, current kernels) or `original`
   * (7.1-era kernels before the depth fix; differs only for 16 KiB pages).
   */
  radixDepthFormula?: RadixDepthFormula;
  /** Cancels the decode: it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called now and then while decoding, and once at the end. */
  onProgress?: (progress: MapProgress) => void;
}

/** Which `KHO_TREE_MAX_DEPTH` formula to use (see kho-format.md §2.2). */
export type RadixDepthFormula = 'fixed' | 'original';

/** How far a decode has got. */
export interface MapProgress {
  /** Metadata pages (chunks, bitmaps, nodes, leaves) read so far. */
  pagesRead: number;
  /** Preserved blocks found so far. */
  blocks: number;
}

/** The limits with every default filled in. */
export interface MapLimits {
  maxChunks: number;
  maxBitmaps: number;
  maxNodes: number;
  maxBlocks: number;
  maxProblems: number;
}

/** Fills in the default limits. */
export function mapLimits(options: MapDecodeOptions): MapLimits {
  return {
    maxChunks: options.maxChunks ?? 16_384,
    maxBitmaps: options.maxBitmaps ?? 1 << 20,
    maxNodes: options.maxNodes ?? 65_536,
    maxBlocks: options.maxBlocks ?? 2 ** 28,
    maxProblems: options.maxProblems ?? 1_000,
  };
}
