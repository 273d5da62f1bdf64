import type { TypedValue } from '../model/TypedValue';
import { describeReading, formatValue } from '../render/formatValue';
import type { ComparedValue } from './GraphComparison';

/** Raw bytes shown per value; longer values are cut (the typed reading still covers them). */
const MAX_SHOWN_BYTES = 64;

/** A property or field value as a comparison shows it: typed reading, how it was read, its bytes. */
export function comparedValue(value: TypedValue, raw: Uint8Array): ComparedValue {
  return {
    text: formatValue(value, raw),
    reading: describeReading(value) || readingName(value),
    bytes: bytesText(raw),
    length: raw.length,
  };
}

/** A decoded value (a header field, user data, a map figure) that has no bytes of its own. */
export function plainValue(text: string, reading = ''): ComparedValue {
  return { text, reading, bytes: '', length: 0 };
}

function readingName(value: TypedValue): string {
  switch (value.kind) {
    case 'string':
      return 'string';
    case 'string-list':
      return 'string list';
    case 'bytes':
      return 'bytes';
    case 'empty':
      return 'empty';
    default:
      return value.kind;
  }
}

function bytesText(raw: Uint8Array): string {
  const shown = Array.from(raw.subarray(0, MAX_SHOWN_BYTES), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return raw.length > MAX_SHOWN_BYTES ? `${shown} …` : shown;
}
