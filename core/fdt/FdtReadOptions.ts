/**
 * Limits for reading an untrusted blob. Every limit has a default
 * (`DEFAULT_FDT_READ_LIMITS`); exceeding one is an `FdtError`, never a partial
 * result.
 */
export interface FdtReadLimits {
  /** Deepest node nesting accepted; the root is depth 0. */
  maxDepth: number;
  /** Most nodes accepted, root included. */
  maxNodes: number;
  /** Most properties accepted over the whole tree. */
  maxProperties: number;
  /** Largest header `totalsize` accepted, in bytes. */
  maxTotalSize: number;
  /** Most memory reservation entries accepted (terminator not counted). */
  maxMemoryReservations: number;
}

/** How to read a blob: any of the limits, and whether a cut-off blob is acceptable. */
export interface FdtReadOptions extends Partial<FdtReadLimits> {
  /**
   * Accept bytes that hold only a prefix of the blob (fewer than its
   * `totalsize`, but at least its header): `readFdt` then indexes what the
   * bytes hold and says what is missing in `FdtIndex.truncation` instead of
   * throwing. Corruption in the bytes present is still an `FdtError`.
   * Off by default: a short blob is then an `FdtError` like any other fault.
   */
  allowTruncated?: boolean;
}

/**
 * Default limits: far above any real tree (a large server DTB has a few
 * thousand nodes; KHO trees are a few pages), low enough that a hostile header
 * cannot make the reader allocate gigabytes.
 */
export const DEFAULT_FDT_READ_LIMITS: Readonly<FdtReadLimits> = Object.freeze({
  maxDepth: 1024,
  maxNodes: 4_000_000,
  maxProperties: 16_000_000,
  maxTotalSize: 256 * 1024 * 1024,
  maxMemoryReservations: 65_536,
});

/** Fills the limits the caller left out with the defaults. */
export function resolveFdtReadLimits(options: FdtReadOptions | undefined): FdtReadLimits {
  // Spelled out, not spread and filled by Object.keys: every blob read resolves its limits.
  const given = options ?? {};
  const defaults = DEFAULT_FDT_READ_LIMITS;
  return {
    maxDepth: given.maxDepth !== undefined ? given.maxDepth : defaults.maxDepth,
    maxNodes: given.maxNodes !== undefined ? given.maxNodes : defaults.maxNodes,
    maxProperties: given.maxProperties !== undefined ? given.maxProperties : defaults.maxProperties,
    maxTotalSize: given.maxTotalSize !== undefined ? given.maxTotalSize : defaults.maxTotalSize,
    maxMemoryReservations:
      given.maxMemoryReservations !== undefined ? given.maxMemoryReservations : defaults.maxMemoryReservations,
  };
}
