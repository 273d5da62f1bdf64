/**
 * Big-endian reads straight from a Uint8Array. Manual shifts instead of a
 * DataView because the bytes are often a subarray of a larger image and the
 * index build reads millions of cells: no view object, no bounds re-checks.
 * Callers check bounds first.
 */

/** The u32 at `offset`. */
export function readU32BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

/** The u64 at `offset`, as a bigint (u64 fields are not always addresses). */
export function readU64BE(bytes: Uint8Array, offset: number): bigint {
  return (BigInt(readU32BE(bytes, offset)) << 32n) | BigInt(readU32BE(bytes, offset + 4));
}
