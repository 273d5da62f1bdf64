import { readU32BE } from './bigEndian';
import { decodeLatin1 } from './latin1';
import type { ByteOrder } from './ByteOrder';

/**
 * Bytewise integer and string readers for KHO payloads. KHO property values
 * are only 4-byte aligned in the FDT and raw structs are packed, so nothing
 * here assumes alignment; u64s are bigint because they need not be addresses.
 */

/** The u32 at `offset` in the given byte order. */
export function readU32(bytes: Uint8Array, offset: number, order: ByteOrder): number {
  checkInside(bytes, offset, 4);
  if (order === 'be') return readU32BE(bytes, offset);
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}

/** The u16 at `offset` in the given byte order. */
export function readU16(bytes: Uint8Array, offset: number, order: ByteOrder): number {
  checkInside(bytes, offset, 2);
  return order === 'le' ? bytes[offset] | (bytes[offset + 1] << 8) : (bytes[offset] << 8) | bytes[offset + 1];
}

/**
 * The RangeError a DataView read past the end throws: u32 and u16 are read
 * with shifts (no view object per read, which per-page probes made a large
 * share of their garbage), and must fail the same way.
 */
function checkInside(bytes: Uint8Array, offset: number, size: number): void {
  if (!(offset >= 0 && offset + size <= bytes.length))
    throw new RangeError('Offset is outside the bounds of the DataView');
}

/** The u64 at `offset` in the given byte order. */
export function readU64(bytes: Uint8Array, offset: number, order: ByteOrder): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(offset, order === 'le');
}

/** Every u64 of `bytes` (whose length is a multiple of 8) in the given byte order. */
export function readU64List(bytes: Uint8Array, order: ByteOrder): bigint[] {
  const values: bigint[] = [];
  for (let at = 0; at + 8 <= bytes.length; at += 8) values.push(readU64(bytes, at, order));
  return values;
}

/** `0x…` form of a number or bigint. */
export function hex(value: number | bigint): string {
  return `0x${value.toString(16)}`;
}

/**
 * The NUL-terminated string in `bytes[offset, offset + max)` (the whole field
 * when it has no NUL), one char per byte like FDT names, so any bytes map to
 * a string and back unchanged.
 */
export function readCString(bytes: Uint8Array, offset: number, max: number): string {
  const end = Math.min(offset + max, bytes.length);
  const nul = bytes.subarray(offset, end).indexOf(0);
  return decodeLatin1(bytes, offset, nul < 0 ? end : offset + nul);
}

/** True when `bytes` starts with the ASCII text `prefix`. */
export function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}
