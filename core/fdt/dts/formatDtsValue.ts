import { decodeLatin1 } from '../../bytes/latin1';
import { DtsByteWriter } from './DtsByteWriter';
import { guessDtsValueType } from './guessDtsValueType';
import type { DtsValueType } from './guessDtsValueType';

/** The value's text as `DtsByteWriter` writes it for `type`, as a string (one char per byte). */
function formatAs(value: Uint8Array, type: DtsValueType): string {
  const writer = new DtsByteWriter(value.length * 4 + 16);
  writer.value(value, 0, value.length, type);
  const text = writer.take();
  return decodeLatin1(text, 0, text.length);
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
  return formatAs(value, 'string');
}

/**
 * A value as big-endian 32-bit cells the way dtc writes them: `<0x01 0xabcdef>`
 * (lowercase hex, at least two digits). Throws a RangeError if the length is
 * not a multiple of 4.
 */
export function formatDtsCells(value: Uint8Array): string {
  if (value.length % 4 !== 0) throw new RangeError('a DTS cell value must be a multiple of 4 bytes long');
  return formatAs(value, 'cells');
}

/** A value as dtc's byte string: `[01 ab ff]`. */
export function formatDtsBytes(value: Uint8Array): string {
  return formatAs(value, 'bytes');
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
