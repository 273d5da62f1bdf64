/**
 * The ABI type of every property name KHO and its known users write
 * (kho-format.md §1, §6; seed-design.md). All integers are native-endian
 * (little-endian) except the draft's page lists, whose byte order is decided
 * per value by the draft scheme (seed-design.md) and default to big-endian.
 */
export type AbiType = 'string' | 'u32' | 'u64' | 'u64-list';

/** Property name → ABI type. */
export const ABI_PROPERTY_TYPES: ReadonlyMap<string, AbiType> = new Map<string, AbiType>([
  ['compatible', 'string'],
  ['preserved-memory-map', 'u64'],
  ['fdt', 'u64'],
  ['preserved-data', 'u64'],
  ['blob-size', 'u64'],
  ['start', 'u64'],
  ['size', 'u64'],
  ['liveupdate-number', 'u64'],
  ['luo-session-header', 'u64'],
  ['luo-flb-header', 'u64'],
  ['magic', 'u32'],
  ['nr_folios', 'u32'],
  ['csum', 'u32'],
  ['folios_info', 'u64-list'],
  ['kho,recursive-fdt', 'u64-list'],
]);

/** Property whose u64 list byte order the draft scheme decides (big-endian until it has). */
export const DRAFT_PAGE_LIST_PROPERTY = 'kho,recursive-fdt';
