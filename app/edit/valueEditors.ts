import { parsePropertyValue } from '../../core/edit';
import { EditError } from '../../core/edit';
import type { ByteOrder } from '../../core/bytes';
import type { TypedValue } from '../../core/kho';
import { formatDtsValue } from '../../core/fdt/dts';

/** The typed editors of a property value. `u32` and `u64` are written in a chosen byte order. */
export type ValueEditorKind = 'string' | 'strings' | 'u32' | 'u64' | 'bytes' | 'dts';

/** Every editor kind with its label, in the order the editor lists them. */
export const VALUE_EDITORS: readonly { kind: ValueEditorKind; label: string }[] = [
  { kind: 'string', label: 'string' },
  { kind: 'strings', label: 'string list' },
  { kind: 'u32', label: 'u32 cells' },
  { kind: 'u64', label: 'u64' },
  { kind: 'bytes', label: 'raw bytes' },
  { kind: 'dts', label: 'DTS value' },
];

/** Most integers or bytes one typed value may hold (a property is small; this bounds the work per keystroke). */
const MAX_ITEMS = 1 << 16;

/** A value the user typed that cannot be encoded: the reason in plain words. */
export class ValueTextError extends Error {}

/** The editor a value opens in, and its byte order: KHO's u64s little-endian, dtc's cells big-endian. */
export function defaultEditor(value: TypedValue): { kind: ValueEditorKind; order: ByteOrder } {
  switch (value.kind) {
    case 'string':
      return { kind: 'string', order: 'le' };
    case 'string-list':
      return { kind: 'strings', order: 'le' };
    case 'u32':
    case 'u32-list':
      return { kind: 'u32', order: value.order };
    case 'u64':
    case 'u64-list':
      return { kind: 'u64', order: value.order };
    default:
      return { kind: 'bytes', order: 'le' };
  }
}

/**
 * The text of `raw` in an editor (null when the bytes do not fit it: a u64
 * editor for 12 bytes, a string editor for bytes that are not a
 * NUL-terminated string), so switching editors shows the same value.
 */
export function valueText(kind: ValueEditorKind, raw: Uint8Array, order: ByteOrder): string | null {
  switch (kind) {
    case 'string': {
      const strings = stringsOf(raw);
      return strings?.length === 1 ? strings[0] : null;
    }
    case 'strings':
      return stringsOf(raw)?.join('\n') ?? null;
    case 'u32':
    case 'u64': {
      const width = kind === 'u32' ? 4 : 8;
      if (raw.length === 0 || raw.length % width !== 0) return null;
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      const items: string[] = [];
      for (let at = 0; at < raw.length; at += width) {
        const item = width === 4 ? BigInt(view.getUint32(at, order === 'le')) : view.getBigUint64(at, order === 'le');
        items.push(`0x${item.toString(16)}`);
      }
      return items.join(' ');
    }
    case 'bytes':
      return Array.from(raw, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
    case 'dts':
      return formatDtsValue(raw);
  }
}

/**
 * The bytes a typed text means in an editor. Strings are written as Latin-1
 * with a NUL after each (one per line in a string list); integers are
 * decimal or 0x-hex, separated by spaces or commas, in `order`; raw bytes
 * are hex pairs; DTS value syntax is read exactly as dtc reads it (and
 * `u64le:` works there too). Throws `ValueTextError` with the reason.
 */
export function encodeValueText(kind: ValueEditorKind, text: string, order: ByteOrder): Uint8Array {
  switch (kind) {
    case 'string':
      return stringsBytes([text]);
    case 'strings':
      return stringsBytes(text === '' ? [] : text.split('\n'));
    case 'u32':
    case 'u64':
      return integersBytes(text, kind === 'u32' ? 4 : 8, order);
    case 'bytes':
      return hexBytes(text);
    case 'dts':
      try {
        return parsePropertyValue(text);
      } catch (error) {
        if (error instanceof EditError) throw new ValueTextError(error.reason);
        throw error;
      }
  }
}

function stringsOf(raw: Uint8Array): string[] | null {
  if (raw.length === 0 || raw[raw.length - 1] !== 0) return null;
  const strings: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0) continue;
    let text = '';
    for (let j = start; j < i; j++) text += String.fromCharCode(raw[j]);
    strings.push(text);
    start = i + 1;
  }
  return strings;
}

function stringsBytes(strings: string[]): Uint8Array {
  const bytes: number[] = [];
  for (const [i, text] of strings.entries()) {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code === 0) throw new ValueTextError(`string ${i + 1} holds a NUL character, which would end it early`);
      if (code > 0xff)
        throw new ValueTextError(`'${char}' in string ${i + 1} is not a Latin-1 character (a property holds bytes)`);
      bytes.push(code);
    }
    bytes.push(0);
    if (bytes.length > MAX_ITEMS) throw new ValueTextError(`the value is longer than ${MAX_ITEMS} bytes`);
  }
  return Uint8Array.from(bytes);
}

function integersBytes(text: string, width: 4 | 8, order: ByteOrder): Uint8Array {
  const items = text
    .trim()
    .split(/[\s,]+/)
    .filter((item) => item !== '');
  if (items.length === 0) throw new ValueTextError(`give at least one number (decimal or 0x-hex)`);
  if (items.length > MAX_ITEMS) throw new ValueTextError(`more than ${MAX_ITEMS} numbers`);
  const bytes = new Uint8Array(items.length * width);
  const view = new DataView(bytes.buffer);
  const limit = width === 4 ? 0xffff_ffffn : 0xffff_ffff_ffff_ffffn;
  for (const [i, item] of items.entries()) {
    if (!/^(0x[0-9a-f]+|[0-9]+)$/i.test(item))
      throw new ValueTextError(`'${item}' is not a number (write decimal or 0x-hex)`);
    const value = BigInt(item);
    if (value > limit) throw new ValueTextError(`${item} does not fit in ${width * 8} bits`);
    if (width === 4) view.setUint32(i * 4, Number(value), order === 'le');
    else view.setBigUint64(i * 8, value, order === 'le');
  }
  return bytes;
}

function hexBytes(text: string): Uint8Array {
  const digits = text.replace(/[\s,]+/g, '').replace(/^0x/i, '');
  if (!/^[0-9a-f]*$/i.test(digits)) throw new ValueTextError('raw bytes are hex pairs such as 00 1f a0');
  if (digits.length % 2 !== 0) throw new ValueTextError('raw bytes are hex pairs: one digit is left over');
  if (digits.length / 2 > MAX_ITEMS) throw new ValueTextError(`the value is longer than ${MAX_ITEMS} bytes`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
