import { guessDtsValueType } from './guessDtsValueType';
import type { DtsValueType } from './guessDtsValueType';

/** dtc's escape for each byte that has a one-letter one (treesource.c `write_propval_string`). */
const LETTER_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, '\\0'],
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0b, '\\v'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x22, '\\"'],
  [0x5c, '\\\\'],
]);

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/**
 * A NUL-terminated value as dtc writes a string: one quoted string in which
 * inner NULs show as `\0` (dtc 1.6.1 does not split a value read from a DTB
 * into a `"a", "b"` list), `\a \b \t \n \v \f \r \" \\` escaped, printable
 * ASCII as is and any other byte as `\xNN`.
 *
 * Two deliberate differences from dtc, both where dtc's text does not read
 * back as the same bytes: a NUL followed by a digit 0-7 is written `\000`
 * (dtc writes `\0` and `1` as `\01`, which reads back as byte 0x01), and
 * bytes 0x80..0xff are `\x80` (dtc writes `\xffffff80`; its own type guess
 * never picks `string` for them). Throws a RangeError if the value does not
 * end in NUL.
 */
export function formatDtsString(value: Uint8Array): string {
  if (value.length === 0 || value[value.length - 1] !== 0) {
    throw new RangeError('a DTS string value must end with a NUL byte');
  }
  let text = '"';
  for (let i = 0; i < value.length - 1; i++) {
    const byte = value[i];
    const letter = LETTER_ESCAPES.get(byte);
    if (byte === 0 && i + 1 < value.length - 1 && value[i + 1] >= 0x30 && value[i + 1] <= 0x37) text += '\\000';
    else if (letter !== undefined) text += letter;
    else if (byte >= 0x20 && byte <= 0x7e) text += String.fromCharCode(byte);
    else text += `\\x${hex2(byte)}`;
  }
  return `${text}"`;
}

/**
 * A value as big-endian 32-bit cells the way dtc writes them: `<0x01 0xabcdef>`
 * (lowercase hex, at least two digits). Throws a RangeError if the length is
 * not a multiple of 4.
 */
export function formatDtsCells(value: Uint8Array): string {
  if (value.length % 4 !== 0) throw new RangeError('a DTS cell value must be a multiple of 4 bytes long');
  const cells: string[] = [];
  for (let i = 0; i < value.length; i += 4) {
    const cell = ((value[i] << 24) | (value[i + 1] << 16) | (value[i + 2] << 8) | value[i + 3]) >>> 0;
    cells.push(`0x${cell.toString(16).padStart(2, '0')}`);
  }
  return `<${cells.join(' ')}>`;
}

/** A value as dtc's byte string: `[01 ab ff]`. */
export function formatDtsBytes(value: Uint8Array): string {
  return `[${Array.from(value, hex2).join(' ')}]`;
}

/**
 * The DTS text of a value as dtc writes it after ` = ` (empty for an empty
 * value, which dtc writes as a bare `name;`). The type defaults to dtc's own
 * guess (`guessDtsValueType`); passing one shows the same bytes another way.
 */
export function formatDtsValue(value: Uint8Array, type: DtsValueType = guessDtsValueType(value)): string {
  switch (type) {
    case 'empty':
      if (value.length !== 0) throw new RangeError('only an empty value can be shown as empty');
      return '';
    case 'string':
      return formatDtsString(value);
    case 'cells':
      return formatDtsCells(value);
    case 'bytes':
      return formatDtsBytes(value);
  }
}
