import { readCString, readU64 } from '../../../bytes/readers';
import type { EntryKind } from '../../raw/readBlockSet';

/**
 * The packed LUO entry structs (kho-format.md §6.3) and their parsers. Both
 * LUO generations use the same entries; only where they live differs (plain
 * arrays under `luo-v1`, KHO block sets under `luo-v5`).
 */

/** `struct luo_session_ser`: char name[64], u64 files, u64 count. */
export const SESSION_ENTRY: EntryKind = { name: 'luo_session_ser', size: 80 };
/** `struct luo_file_ser`: char compatible[48], u64 data, u64 token. */
export const FILE_ENTRY: EntryKind = { name: 'luo_file_ser', size: 64 };
/** `struct luo_flb_ser`: char name[48], u64 data, u64 count. */
export const FLB_ENTRY: EntryKind = { name: 'luo_flb_ser', size: 64 };
/** `struct luo_flb_header_ser`: u64 pgcnt, u64 count; the entries follow. */
export const FLB_HEADER_SIZE = 16;
/** `struct luo_session_header_ser` (luo-v1): u64 count; the entries follow. */
export const SESSION_HEADER_SIZE = 8;

/** A parsed `luo_session_ser`. */
export interface SessionEntry {
  name: string;
  files: bigint;
  count: bigint;
}

/** Parses one `luo_session_ser`. */
export function parseSessionEntry(bytes: Uint8Array): SessionEntry {
  return { name: readCString(bytes, 0, 64), files: readU64(bytes, 64, 'le'), count: readU64(bytes, 72, 'le') };
}

/** A parsed `luo_file_ser`. */
export interface FileEntry {
  compatible: string;
  data: bigint;
  token: bigint;
}

/** Parses one `luo_file_ser`. */
export function parseFileEntry(bytes: Uint8Array): FileEntry {
  return { compatible: readCString(bytes, 0, 48), data: readU64(bytes, 48, 'le'), token: readU64(bytes, 56, 'le') };
}

/** A parsed `luo_flb_ser`. */
export interface FlbEntry {
  name: string;
  data: bigint;
  count: bigint;
}

/** Parses one `luo_flb_ser`. */
export function parseFlbEntry(bytes: Uint8Array): FlbEntry {
  return { name: readCString(bytes, 0, 48), data: readU64(bytes, 48, 'le'), count: readU64(bytes, 56, 'le') };
}
