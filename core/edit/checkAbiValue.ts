import { ABI_PROPERTY_TYPES } from '../kho/values/abiPropertyTypes';

/**
 * Why `value` cannot be the value of property `name`, or undefined when it
 * can: properties the KHO ABI types (kho-format.md §1, §6, the table the
 * decoder types values by) must have that type's shape, so an edit never
 * writes a `blob-size` of 4 bytes or a `compatible` without its NUL.
 */
export function abiValueProblem(name: string, value: Uint8Array): string | undefined {
  switch (ABI_PROPERTY_TYPES.get(name)) {
    case 'u64':
      return value.length === 8
        ? undefined
        : `${name} is a u64: its value must be 8 bytes, not ${value.length} (write it as u64le:0x… or /bits/ 64 <…>)`;
    case 'u32':
      return value.length === 4 ? undefined : `${name} is a u32: its value must be 4 bytes, not ${value.length}`;
    case 'u64-list':
      return value.length > 0 && value.length % 8 === 0
        ? undefined
        : `${name} is a list of u64s: its value must be a non-empty multiple of 8 bytes, not ${value.length}`;
    case 'string':
      return value.length > 0 && value[value.length - 1] === 0
        ? undefined
        : `${name} is a string: its value must end with a NUL byte (write it as "…")`;
    default:
      return undefined;
  }
}
