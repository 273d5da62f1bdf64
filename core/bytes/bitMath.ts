/**
 * Integer bit helpers for JS numbers. Physical addresses and frame numbers go
 * up to 2^53, past the 32 bits that the bitwise operators see, so each helper
 * splits a value into 32-bit halves instead of using BigInt.
 */

const TWO_32 = 2 ** 32;

/** Number of trailing zero bits of a non-zero 32-bit value. */
export function trailingZeros32(value: number): number {
  return 31 - Math.clz32(value & -value);
}

/** Number of trailing zero bits of a positive safe integer. */
export function trailingZeros(value: number): number {
  const low = value >>> 0;
  if (low !== 0) return trailingZeros32(low);
  return 32 + trailingZeros32(Math.floor(value / TWO_32) >>> 0);
}

/** floor(log2(value)) of a positive safe integer, exact (Math.log2 rounds near powers of two). */
export function floorLog2(value: number): number {
  const high = Math.floor(value / TWO_32);
  if (high > 0) return 63 - Math.clz32(high);
  return 31 - Math.clz32(value >>> 0);
}

/** Number of set bits of a 32-bit value. */
export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The u64 at `offset` (little-endian) as a number, or `null` when it is 2^53
 * or more and so cannot be held exactly.
 */
export function readU64Number(view: DataView, offset: number): number | null {
  const low = view.getUint32(offset, true);
  const high = view.getUint32(offset + 4, true);
  if (high >= 2 ** 21) return null;
  return high * TWO_32 + low;
}

/** The u64 at `offset` (little-endian) as a hex string, for messages about values too large for a number. */
export function u64Hex(view: DataView, offset: number): string {
  const low = view.getUint32(offset, true);
  const high = view.getUint32(offset + 4, true);
  return `0x${((BigInt(high) << 32n) | BigInt(low)).toString(16)}`;
}
