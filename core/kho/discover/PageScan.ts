import type { PhysicalMemory, PhysRange } from '../../mem/PhysicalMemory';
import type { ScanProblem } from './RootCandidate';
import type { ScanProgress } from './RootScanOptions';

/** A page that starts with a magic worth a closer look. */
export interface MagicHit {
  address: number;
  kind: 'fdt' | 'anchor';
}

/** What a page scan found. */
export interface PageScan {
  /** The first `maxHits` hits, by address. */
  hits: MagicHit[];
  /** Hits past `maxHits` (counted, not kept). */
  hitsDropped: number;
  /** Address of the first hit that was not kept (null when none was dropped). */
  firstDroppedAt: number | null;
  /** Ranges that could not be read (each named in words). */
  problems: ScanProblem[];
  /** RAM done so far: read, or skipped as below. */
  bytesScanned: number;
  /**
   * RAM never read because the image declares it without storing it (ELF
   * zero-fill, kdump pages left out of the dump): it reads as zeros, which
   * hold no magic.
   */
  bytesSkipped: number;
  totalBytes: number;
}

/** A scan of `totalBytes` of RAM before anything was found or done. */
export function emptyPageScan(totalBytes: number): PageScan {
  return { hits: [], hitsDropped: 0, firstDroppedAt: null, problems: [], bytesScanned: 0, bytesSkipped: 0, totalBytes };
}

/** Settings of one page scan. */
export interface PageScanSettings {
  pageSize: number;
  chunkBytes: number;
  maxHits: number;
  /** Reads kept in flight (at least 1). */
  readAhead: number;
  /** Scan only the page starts inside this physical range (default: all of memory). */
  within?: PhysRange;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
}

/**
 * Something that runs a page scan of `memory`: `probePageStarts` itself, or
 * a host's way of running it in parts elsewhere (see `windowedPageScanner`).
 * Must give what `probePageStarts` gives for the same memory and settings.
 */
export type PageScanner = (memory: PhysicalMemory, settings: PageScanSettings) => Promise<PageScan>;
