import type { MapDecodeOptions } from '../maps/MapDecodeOptions';
import type { KernelFacts } from '../model/KernelFacts';
import type { KhoRootScan } from './KhoRootScan';

/**
 * Options of `decodeKhoGraph`: which roots (or an earlier scan to choose
 * them from), the page size, hard limits that keep a hostile image bounded,
 * and the cancel/progress hooks.
 */
export interface KhoDecodeOptions {
  /** Physical addresses of root FDTs (or first anchor pages); when absent, root discovery (or `scan`) chooses them. */
  roots?: number[];
  /**
   * A root scan of this memory the caller already ran (`findKhoRoots`): used
   * instead of scanning again, exactly as discovery uses its own (how, rank
   * and map of each root, rejected roots and scan problems as diagnostics).
   * Ignored for a blob set or a lone DTB.
   */
  scan?: KhoRootScan;
  /** Page size of the kernel that wrote the tree; defaults to the image's. */
  pageSize?: number;
  limits?: Partial<KhoLimits>;
  /** Options handed to the preserved-memory map decoders (bitmap size, radix depth formula, their limits). */
  map?: Omit<MapDecodeOptions, 'pageSize' | 'signal' | 'onProgress'>;
  /**
   * What the image says about its kernel, for a decode of bare physical
   * memory that came from an image: an edit's overlay over the image's
   * memory holds no container notes, yet the edited tree is judged against
   * the same kernel image range and command line (reserve-mem checks).
   * Ignored for an opened image, which says it itself.
   */
  kernel?: KernelFacts;
  /** Cancels the decode: it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each fragment and once per phase. */
  onProgress?: (progress: KhoProgress) => void;
}

/** Hard limits of one decode. Reaching one is a diagnostic (`limit-reached`), never a hang. */
export interface KhoLimits {
  /** Most fragments in the graph. */
  maxFragments: number;
  /** Most links from a root to a fragment. */
  maxDepth: number;
  /** Largest single fragment, in bytes. */
  maxFragmentBytes: number;
  /** Most bytes read for fragments and side structures over the whole decode. */
  maxTotalBytes: number;
  /** Most pages in one page list or anchor chain's FDT. */
  maxPageListPages: number;
  /** Most anchor pages in one chain. */
  maxAnchorPages: number;
  /** Most blocks in one block set or chunks in one vmalloc area (the kernel's own bound is 10,000). */
  maxBlocks: number;
  /** Most entries decoded from one array (sessions, files, folio records, test folios). */
  maxEntries: number;
  /** Most diagnostics kept; the rest are counted in one last diagnostic. */
  maxDiagnostics: number;
}

/** Defaults: far above any real KHO tree (a few dozen fragments, a few pages each). */
export const DEFAULT_KHO_LIMITS: Readonly<KhoLimits> = Object.freeze({
  maxFragments: 10_000,
  maxDepth: 64,
  maxFragmentBytes: 16 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxPageListPages: 4096,
  maxAnchorPages: 64,
  maxBlocks: 10_000,
  maxEntries: 1_000_000,
  maxDiagnostics: 10_000,
});

/** How far a decode has got. */
export interface KhoProgress {
  phase: 'roots' | 'fragments' | 'maps' | 'checks' | 'done';
  fragments: number;
  links: number;
  bytesRead: number;
}

/** The limits with every default filled in. */
export function resolveKhoLimits(limits: Partial<KhoLimits> | undefined): KhoLimits {
  const resolved: KhoLimits = { ...DEFAULT_KHO_LIMITS };
  for (const key of Object.keys(DEFAULT_KHO_LIMITS) as (keyof KhoLimits)[]) {
    const value = limits?.[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
