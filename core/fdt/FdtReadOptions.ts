/**
 * Limits for reading an untrusted blob. Every limit has a default
 * (`DEFAULT_FDT_READ_LIMITS`); exceeding one is an `FdtError`, never a partial
 * result.
 */
export interface FdtReadOptions {
  /** Deepest node nesting accepted; the root is depth 0. */
  maxDepth?: number;
  /** Most nodes accepted, root included. */
  maxNodes?: number;
  /** Most properties accepted over the whole tree. */
  maxProperties?: number;
  /** Largest header `totalsize` accepted, in bytes. */
  maxTotalSize?: number;
  /** Most memory reservation entries accepted (terminator not counted). */
  maxMemoryReservations?: number;
}

/** `FdtReadOptions` with every limit filled in. */
export type FdtReadLimits = Required<FdtReadOptions>;

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
  return { ...DEFAULT_FDT_READ_LIMITS, ...definedOnly(options) };
}

function definedOnly(options: FdtReadOptions | undefined): FdtReadOptions {
  const result: FdtReadOptions = {};
  if (!options) return result;
  for (const key of Object.keys(DEFAULT_FDT_READ_LIMITS) as (keyof FdtReadOptions)[]) {
    const value = options[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}
