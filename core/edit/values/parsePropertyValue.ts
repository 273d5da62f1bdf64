import { DtsError } from '../../fdt/dts/DtsError';
import { parseDts } from '../../fdt/dts/parseDts';
import { concatBytes } from '../../bytes/encoders';
import { EditError } from '../EditError';

/** Longest value text accepted (a property value is small; this bounds the DTS parse). */
const MAX_VALUE_TEXT = 1 << 20;

/** The `uNNle:` shortcuts: KHO's own little-endian integers, which DTS cells cannot write directly. */
const LITTLE_ENDIAN_FORMS: Record<string, number> = { u64le: 8, u32le: 4, u16le: 2 };

/**
 * The bytes of a property value written as on the command line: DTS value
 * syntax exactly as dtc reads it (`<0x1 0x2>`, `"str"`, `"a", "b"`,
 * `[00 01]`, `/bits/ 64 <0x1234>`, several of them comma-separated), the
 * empty string for an empty value, or `u64le:0x1234` (also `u32le:`,
 * `u16le:`, with comma-separated lists) for KHO's native little-endian
 * integers. Throws `EditError` saying what is wrong.
 */
export function parsePropertyValue(text: string): Uint8Array {
  if (text.length > MAX_VALUE_TEXT)
    throw new EditError('value', `the value text is longer than ${MAX_VALUE_TEXT} characters`);
  if (text.trim() === '') return new Uint8Array(0);
  const shortcut = /^(u64le|u32le|u16le):(.*)$/s.exec(text.trim());
  if (shortcut) return littleEndianList(shortcut[1], shortcut[2]);
  let document: ReturnType<typeof parseDts>;
  try {
    // A one-property tree: the DTS parser types the value exactly as dtc would.
    document = parseDts(`/dts-v1/;\n/ {\n_ = ${text}\n;\n};\n`);
  } catch (error) {
    if (error instanceof DtsError) throw new EditError(`value ${text}`, `not DTS value syntax: ${error.reason}`);
    throw error;
  }
  const properties = document.root.properties;
  if (
    properties.length !== 1 ||
    properties[0].name !== '_' ||
    document.root.children.length > 0 ||
    document.memoryReservations.length > 0
  ) {
    throw new EditError(`value ${text}`, 'not one DTS value: it closes the property and writes more');
  }
  return properties[0].value;
}

function littleEndianList(form: string, list: string): Uint8Array {
  const size = LITTLE_ENDIAN_FORMS[form];
  const limit = 1n << BigInt(8 * size);
  const parts = list.split(',').map((item) => item.trim());
  return concatBytes(
    ...parts.map((item) => {
      const value = /^0x[0-9a-f]+$/i.test(item) || /^[0-9]+$/.test(item) ? BigInt(item) : -1n;
      if (value < 0n || value >= limit)
        throw new EditError(`value ${form}:${list}`, `'${item}' is not a decimal or 0x-hex number below 2^${8 * size}`);
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i++) bytes[i] = Number((value >> BigInt(8 * i)) & 0xffn);
      return bytes;
    }),
  );
}
