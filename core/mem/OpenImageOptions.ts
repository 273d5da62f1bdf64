import type { Inflater } from './compression/Inflater';
import { MemoryError } from './MemoryError';

/**
 * Explicit bounds on what an image may make the reader do. Every count or
 * size read from a file is checked against one of these before anything is
 * allocated or looped over.
 */
export interface MemoryLimits {
  /** ELF program headers (incl. the PN_XNUM extended count). */
  maxSegments: number;
  /** Bytes of ELF/kdump note data and of the VMCOREINFO text. */
  maxNoteBytes: number;
  /** Number of notes parsed. */
  maxNotes: number;
  /** RAM ranges a container may produce (kdump bitmap runs). */
  maxRanges: number;
  /** Bytes of the two kdump bitmaps together. */
  maxBitmapBytes: number;
  /** Records of a makedumpfile flattened stream. */
  maxFlatRecords: number;
  /** Bytes of one file of a debugfs set or of a lone DTB. */
  maxBlobBytes: number;
  /** Files in a debugfs set. */
  maxBlobs: number;
  /** Bytes kept by the file-chunk cache of one image. */
  cacheBytes: number;
  /** Bytes per cached file chunk (and per bulk read while indexing). */
  cacheChunkBytes: number;
  /** Decoded kdump pages kept for repeated reads. */
  decodedPages: number;
}

/** The limits used when the caller gives none. */
export const defaultMemoryLimits: Readonly<MemoryLimits> = {
  maxSegments: 262_144,
  maxNoteBytes: 16 * 1024 * 1024,
  maxNotes: 65_536,
  maxRanges: 1_000_000,
  maxBitmapBytes: 512 * 1024 * 1024,
  maxFlatRecords: 4_000_000,
  maxBlobBytes: 64 * 1024 * 1024,
  maxBlobs: 4096,
  cacheBytes: 16 * 1024 * 1024,
  cacheChunkBytes: 64 * 1024,
  decodedPages: 256,
};

/** What to do when ELF `PT_LOAD` segments cover the same physical bytes. */
export type OverlapPolicy = 'first-wins' | 'reject';

/** Options of `openImage`. */
export interface OpenImageOptions {
  /** Raw images: physical address of byte 0 of the file (page-aligned). Default 0. */
  base?: number;
  /** Page size when the image does not state one (VMCOREINFO `PAGESIZE`, kdump block size). Default 4096. */
  pageSize?: number;
  /** `auto` (default) detects the container from the content; `raw` reads any file as a flat image. */
  container?: 'auto' | 'raw';
  /**
   * Overlapping `PT_LOAD` segments (Linux `/proc/vmcore` lists the kernel text
   * both alone and inside a RAM segment): `first-wins` (default) lets the
   * segment listed first provide the bytes and records a warning; `reject`
   * refuses the file.
   */
  overlappingSegments?: OverlapPolicy;
  /** zlib for kdump pages; default: the platform's `DecompressionStream`. */
  inflater?: Inflater;
  /** Bounds; missing fields take `defaultMemoryLimits`. */
  limits?: Partial<MemoryLimits>;
}

/** Options with every default filled in and checked. */
export interface ResolvedOpenOptions {
  base: number;
  pageSize: number;
  container: 'auto' | 'raw';
  overlappingSegments: OverlapPolicy;
  inflater: Inflater | undefined;
  limits: MemoryLimits;
}

/** True for page sizes the memory layer accepts: powers of two from 512 bytes to 1 MiB. */
export function isPlausiblePageSize(size: number): boolean {
  return Number.isSafeInteger(size) && size >= 512 && size <= 1 << 20 && (size & (size - 1)) === 0;
}

/** Fills in defaults and rejects options that make no sense (as a `MemoryError`). */
export function resolveOpenOptions(options: OpenImageOptions = {}): ResolvedOpenOptions {
  const pageSize = options.pageSize ?? 4096;
  if (!isPlausiblePageSize(pageSize)) {
    throw new MemoryError(
      'physical',
      0,
      'open options',
      `page size ${pageSize} is not a power of two from 512 to 1 MiB`,
    );
  }
  const base = options.base ?? 0;
  if (!Number.isSafeInteger(base) || base < 0 || base % pageSize !== 0) {
    throw new MemoryError('physical', 0, 'open options', `raw base ${base} is not a page-aligned address below 2^53`);
  }
  const limits = { ...defaultMemoryLimits, ...options.limits };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new MemoryError('file', 0, 'open options', `limit ${key} = ${value} is not a positive integer`);
    }
  }
  return {
    base,
    pageSize,
    container: options.container ?? 'auto',
    overlappingSegments: options.overlappingSegments ?? 'first-wins',
    inflater: options.inflater,
    limits,
  };
}
