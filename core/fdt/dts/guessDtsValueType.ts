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
  const length = value.length;
  if (length === 0) return 'empty';
  let nonString = 0;
  let nuls = 0;
  for (let i = 0; i < length; i++) {
    const byte = value[i];
    if (!isDtsStringByte(byte)) nonString++;
    if (byte === 0) nuls++;
  }
  if (value[length - 1] === 0 && nonString === 0 && nuls <= length - nuls) return 'string';
  return length % 4 === 0 ? 'cells' : 'bytes';
}
