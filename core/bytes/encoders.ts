import type { ByteOrder } from './ByteOrder';

/**
 * Property values and struct fields as KHO writes them, for building images:
 * integers in a chosen byte order (KHO's native little-endian by default),
 * NUL-terminated strings, fixed-size char arrays.
 */

/** A u64 in the given byte order (default little-endian, KHO's native order). */
export function u64(value: number | bigint, order: ByteOrder = 'le'): Uint8Array {
  return u64List([value], order);
}

/** A list of u64s in the given byte order (`kho,recursive-fdt` page lists are big-endian in the seed). */
export function u64List(values: readonly (number | bigint)[], order: ByteOrder = 'le'): Uint8Array {
  const bytes = new Uint8Array(8 * values.length);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setBigUint64(8 * i, BigInt(value), order === 'le'));
  return bytes;
}

/** A u32 in the given byte order (default little-endian). */
export function u32(value: number, order: ByteOrder = 'le'): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, order === 'le');
  return bytes;
}

/** Big-endian 32-bit cells, as a DTS `<...>` value writes them. */
export function cells(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(4 * values.length);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setUint32(4 * i, value, false));
  return bytes;
}

/** A NUL-terminated string (one byte per char). */
export function cstring(text: string): Uint8Array {
  return charArray(text, text.length + 1);
}

/** A NUL-padded char array of exactly `size` bytes (the text is cut if longer). */
export function charArray(text: string, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < text.length && i < size; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** The parts one after the other. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
