import type { MapDecodeOptions } from '../maps/MapDecodeOptions';
import type { PageScanner } from './PageScan';

/** Options of root discovery (`findKhoRoots`, `inspectRootAt`). */
export interface RootScanOptions {
  /** Page size of the kernel that wrote the tree: probe step and map geometry. Defaults to the memory's. */
  pageSize?: number;
  /** Bytes per sequential read while scanning (default 4 MiB; rounded down to whole pages). */
  chunkBytes?: number;
  /**
   * Chunk reads kept in flight while scanning (default 2: the current one and
   * the next; a whole number from 1 to 16). Each has its own chunk buffer,
   * made when first needed and no longer than twice the longest chunk it
   * served, so the scan holds at most `readAhead × chunkBytes` bytes (a few
   * KiB for an image that stores a few KiB).
   */
  readAhead?: number;
  /** Also list every FDT found at a page start, whatever its compatible. */
  listAllFdts?: boolean;
  /** Decode each candidate's preserved-memory map to rank it (default true). */
  checkMaps?: boolean;
  /** Options for those map decodes (bitmap size, radix depth formula, limits). */
  map?: Omit<MapDecodeOptions, 'pageSize' | 'signal' | 'onProgress'>;
  /** Most magic hits (FDT or anchor) kept from the scan (default 65,536). */
  maxHits?: number;
  /** Largest FDT read while validating a hit or an anchor chain (default 16 MiB). */
  maxFdtBytes?: number;
  /** Most bytes read over all validations, so a hostile image stays bounded (default 256 MiB). */
  maxValidationBytes?: number;
  /** Most anchor pages in one chain (default 64). */
  maxAnchorPages?: number;
  /**
   * Runs the page scan (default `probePageStarts`, in this thread). A host
   * can pass its own, e.g. a `windowedPageScanner` that runs parts of the
   * scan in other workers.
   */
  pageScanner?: PageScanner;
  /** Cancels the scan: it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each chunk read while scanning. */
  onProgress?: (progress: ScanProgress) => void;
}

/** How far the page scan has got. */
export interface ScanProgress {
  bytesScanned: number;
  totalBytes: number;
}

/** The scan limits with defaults filled in. */
export interface ScanLimits {
  chunkBytes: number;
  readAhead: number;
  maxHits: number;
  maxFdtBytes: number;
  maxValidationBytes: number;
  maxAnchorPages: number;
}

/** Most chunk reads in flight: a few already overlap reading with probing, and each one costs a chunk buffer. */
const MAX_READ_AHEAD = 16;

/** Fills in the default limits; the chunk size becomes a whole number of pages (at least one), `readAhead` a whole number from 1 to 16. */
export function scanLimits(options: RootScanOptions, pageSize: number): ScanLimits {
  const chunk = options.chunkBytes ?? 4 * 1024 * 1024;
  return {
    chunkBytes: Math.max(pageSize, chunk - (chunk % pageSize)),
    readAhead: Math.min(MAX_READ_AHEAD, Math.max(1, Math.floor(options.readAhead ?? 2) || 1)),
    maxHits: options.maxHits ?? 65_536,
    maxFdtBytes: options.maxFdtBytes ?? 16 * 1024 * 1024,
    maxValidationBytes: options.maxValidationBytes ?? 256 * 1024 * 1024,
    maxAnchorPages: options.maxAnchorPages ?? 64,
  };
}
