import { bytesToHex } from '../kho/render/graphToJson';

export { bytesToHex };

/** Re-exported from core/fdt, where the layers below edit can use it too. */
export { sameBytes } from '../fdt/sameBytes';

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
