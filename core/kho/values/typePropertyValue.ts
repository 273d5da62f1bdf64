import { guessDtsValueType } from '../../fdt/dts/guessDtsValueType';
import { decodeLatin1 } from '../../bytes/latin1';
import { readU32, readU64List } from '../../bytes/readers';
import type { ByteOrder } from '../../bytes/ByteOrder';
import type { TypedValue, U64Readings } from '../model/TypedValue';
import { ABI_PROPERTY_TYPES, DRAFT_PAGE_LIST_PROPERTY } from './abiPropertyTypes';

/**
 * Types a property value: by its ABI type when the name is known and the
 * length fits that type, otherwise as dtc would (strings, BE cells, bytes),
 * so unknown properties read the same here as in `dtc -O dts`.
 * `order` overrides the byte order of ABI integers (the draft scheme's choice).
 */
export function typePropertyValue(name: string, raw: Uint8Array, order?: ByteOrder): TypedValue {
  const abi = ABI_PROPERTY_TYPES.get(name);
  const abiOrder: ByteOrder = order ?? (name === DRAFT_PAGE_LIST_PROPERTY ? 'be' : 'le');
  switch (abi) {
    case 'string':
      if (raw.length > 0 && raw[raw.length - 1] === 0) return stringValue(raw, 'abi');
      break;
    case 'u32':
      if (raw.length === 4) return { kind: 'u32', value: readU32(raw, 0, abiOrder), order: abiOrder, basis: 'abi' };
      break;
    case 'u64':
      if (raw.length === 8) return { kind: 'u64', value: readU64List(raw, abiOrder)[0], order: abiOrder, basis: 'abi' };
      break;
    case 'u64-list':
      if (raw.length > 0 && raw.length % 8 === 0)
        return { kind: 'u64-list', values: readU64List(raw, abiOrder), order: abiOrder, basis: 'abi' };
      break;
  }
  return dtcTypedValue(raw);
}

/** The value as dtc would type it (`guessDtsValueType`). */
export function dtcTypedValue(raw: Uint8Array): TypedValue {
  switch (guessDtsValueType(raw)) {
    case 'empty':
      return { kind: 'empty', basis: 'dtc' };
    case 'string':
      return stringValue(raw, 'dtc');
    case 'cells': {
      const values: number[] = [];
      for (let at = 0; at < raw.length; at += 4) values.push(readU32(raw, at, 'be'));
      return { kind: 'u32-list', values, order: 'be', basis: 'dtc' };
    }
    case 'bytes':
      return { kind: 'bytes', basis: 'dtc' };
  }
}

/**
 * Both u64 readings of a value that is a whole number of u64s and not a
 * string, so any 8-byte value can be shown "the other way".
 */
export function u64Readings(raw: Uint8Array, value: TypedValue): U64Readings | undefined {
  if (raw.length === 0 || raw.length % 8 !== 0 || value.kind === 'string' || value.kind === 'string-list')
    return undefined;
  return { le: readU64List(raw, 'le'), be: readU64List(raw, 'be') };
}

function stringValue(raw: Uint8Array, basis: 'abi' | 'dtc'): TypedValue {
  const values = decodeLatin1(raw, 0, raw.length - 1).split('\0');
  return values.length === 1 ? { kind: 'string', value: values[0], basis } : { kind: 'string-list', values, basis };
}
