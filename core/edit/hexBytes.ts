import { bytesToHex } from '../kho/render/graphToJson';

export { bytesToHex };

/**
 * The bytes of a lowercase or uppercase hex string with no separators (the
 * form operations carry values in, so an operation is plain JSON). Throws a
 * RangeError for an odd length or a non-hex digit.
 */
export function hexToBytes(text: string): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text))
    throw new RangeError(`'${text}' is not a string of hex byte pairs`);
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** True when both arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
