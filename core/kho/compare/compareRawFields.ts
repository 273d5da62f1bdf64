import type { RawContent } from '../model/RawContent';
import type { ChangeSink, PairPlace } from './ChangeSink';
import { compareValues, type IsPointer, type NamedValue } from './compareValues';

/**
 * Compares the named fields of two raw structs of one tree place by field
 * path (`compareValues` with the bytes each field covers).
 */
export function compareRawFields(
  a: RawContent,
  b: RawContent,
  bytesA: Uint8Array,
  bytesB: Uint8Array,
  place: PairPlace,
  sink: ChangeSink,
  isPointer: IsPointer,
): void {
  compareValues(fieldValues(a, bytesA), fieldValues(b, bytesB), '', 'field', place, sink, isPointer);
}

function fieldValues(content: RawContent, bytes: Uint8Array): NamedValue[] {
  return content.fields.map((field) => ({
    name: field.path,
    value: field.value,
    raw: bytes.subarray(field.offset, field.offset + field.size),
  }));
}
