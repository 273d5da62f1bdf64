import type { TypedValue, U64Readings } from './TypedValue';

/**
 * The decoded content of a fragment that is not an FDT: a packed struct such
 * as `luo_ser`, `kexec-metadata` or `memfd_luo_ser`, shown as named fields
 * at their byte offsets (or as nothing but bytes when the format is unknown).
 */
export interface RawContent {
  kind: 'raw';
  /** What the bytes are (`luo-ser`, `kexec-metadata`, `memfd-v2`, `unknown`). */
  format: string;
  fields: RawField[];
}

/** One field of a raw struct. `path` names nested fields like `folios.first`. */
export interface RawField {
  path: string;
  offset: number;
  size: number;
  value: TypedValue;
  readings?: U64Readings;
}
