/**
 * How dtc shows a property value it knows nothing about (read from a DTB):
 * `empty` → `name;`, `string` → `"a\0b"`, `cells` → `<0x01 0x02>`,
 * `bytes` → `[01 02 03]`.
 */
export type DtsValueType = 'empty' | 'string' | 'cells' | 'bytes';

const BELL = 0x07;
const CARRIAGE_RETURN = 0x0d;

/**
 * Whether dtc counts the byte as string material: NUL, printable ASCII
 * (0x20..0x7e, C-locale `isprint`) or one of the escapable controls
 * `\a \b \t \n \v \f \r` (0x07..0x0d).
 */
export function isDtsStringByte(byte: number): boolean {
  return byte === 0 || (byte >= 0x20 && byte <= 0x7e) || (byte >= BELL && byte <= CARRIAGE_RETURN);
}

/**
 * dtc 1.6.1's guess of a value's type when decompiling a DTB
 * (`guess_value_type` in treesource.c), so that the same bytes always read
 * the same way here as in `dtc -I dtb -O dts`:
 *
 * - no bytes: `empty`;
 * - a string (list) if the last byte is NUL, every byte is string material
 *   (`isDtsStringByte`) and NULs are no more than the other bytes (so
 *   `"a", "", ""` is not a string list but `"ab", "", "cd"` is);
 * - otherwise cells if the length is a multiple of 4;
 * - otherwise bytes.
 */
export function guessDtsValueType(value: Uint8Array): DtsValueType {
  return guessDtsRangeType(value, 0, value.length);
}

/** Whether each byte is string material (`isDtsStringByte`), as a table: the guess looks at every value byte. */
const STRING_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => (isDtsStringByte(byte) ? 1 : 0));

/** `guessDtsValueType` of the bytes [start, end) of `bytes`, without making a view of them. */
export function guessDtsRangeType(bytes: Uint8Array, start: number, end: number): DtsValueType {
  const length = end - start;
  if (length <= 0) return 'empty';
  if (bytes[end - 1] !== 0) return length % 4 === 0 ? 'cells' : 'bytes';
  let nuls = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    // One byte that is not string material settles it (dtc counts them all, but only tests for none).
    if (STRING_BYTES[byte] === 0) return length % 4 === 0 ? 'cells' : 'bytes';
    if (byte === 0) nuls++;
  }
  return nuls <= length - nuls ? 'string' : length % 4 === 0 ? 'cells' : 'bytes';
}
