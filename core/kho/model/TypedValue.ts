import type { ByteOrder } from '../../bytes/ByteOrder';

/**
 * A property value read as what it means. `basis` says where the type came
 * from: the KHO ABI of a known property (`abi`), or dtc's guess for a
 * property nobody documented (`dtc`), which types like `dtc -O dts` does.
 * `struct` is a packed C struct held in a property (a `kho_vmalloc` in
 * kho_test's `folios_info`), shown field by field.
 */
export type TypedValue =
  | { kind: 'empty'; basis: ValueBasis }
  | { kind: 'string'; value: string; basis: ValueBasis }
  | { kind: 'string-list'; values: string[]; basis: ValueBasis }
  | { kind: 'u16'; value: number; order: ByteOrder; basis: ValueBasis }
  | { kind: 'u32'; value: number; order: ByteOrder; basis: ValueBasis }
  | { kind: 'u32-list'; values: number[]; order: ByteOrder; basis: ValueBasis }
  | { kind: 'u64'; value: bigint; order: ByteOrder; basis: ValueBasis }
  | { kind: 'u64-list'; values: bigint[]; order: ByteOrder; basis: ValueBasis }
  | { kind: 'struct'; struct: string; fields: { name: string; value: TypedValue }[]; basis: ValueBasis }
  | { kind: 'bytes'; basis: ValueBasis };

/** Where a value's type came from. */
export type ValueBasis = 'abi' | 'dtc';

/**
 * Both readings of a value made of u64s, so a viewer can show "the other
 * reading" of any 8-byte value (KHO writes LE where dtc prints BE cells).
 */
export interface U64Readings {
  le: bigint[];
  be: bigint[];
}
