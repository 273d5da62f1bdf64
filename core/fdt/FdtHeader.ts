import { FDT_MAGIC } from './constants';
import { FdtError } from './FdtError';
import { resolveFdtReadLimits } from './FdtReadOptions';
import type { FdtReadLimits, FdtReadOptions } from './FdtReadOptions';
import { readU32BE } from '../bytes/bigEndian';
import { hexOffset } from './hexOffset';
import { FDT_LATEST_VERSION, fdtVersionFormat } from './FdtVersionFormat';

/**
 * A validated FDT header. Field names follow the C struct (`struct fdt_header`)
 * in camelCase; fields the blob's version does not have are `undefined`.
 * `structEnd` and `stringsEnd` are the block ends the reader enforces.
 */
export interface FdtHeader {
  magic: number;
  totalSize: number;
  offDtStruct: number;
  offDtStrings: number;
  offMemRsvmap: number;
  version: number;
  lastCompVersion: number;
  /** Version 2 and later. */
  bootCpuidPhys: number | undefined;
  /** Version 3 and later. */
  sizeDtStrings: number | undefined;
  /** Version 17 and later. */
  sizeDtStruct: number | undefined;
  /** Bytes the header occupies for this version (28, 32, 36, 36, 40 for 1, 2, 3, 16, 17). */
  headerSize: number;
  /** Offset just past the structure block: `offDtStruct + sizeDtStruct`, or `totalSize` before version 17. */
  structEnd: number;
  /** Offset just past the strings block: `offDtStrings + sizeDtStrings`, or `totalSize` before version 3. */
  stringsEnd: number;
}

/** Smallest possible header (version 1). */
const MIN_HEADER_SIZE = 28;

/** Field offsets inside the header, from `struct fdt_header`. */
export const FDT_HEADER_FIELDS = {
  magic: 0x00,
  totalsize: 0x04,
  offDtStruct: 0x08,
  offDtStrings: 0x0c,
  offMemRsvmap: 0x10,
  version: 0x14,
  lastCompVersion: 0x18,
  bootCpuidPhys: 0x1c,
  sizeDtStrings: 0x20,
  sizeDtStruct: 0x24,
} as const;

/** Why a header was refused; turned into an FdtError only when the caller wants one. */
export interface FdtHeaderProblem {
  offset: number;
  reason: string;
}

/**
 * Validates the header at the start of `bytes` and returns it, or throws an
 * `FdtError` saying which field is wrong. Checks the header on its own: magic,
 * version and `last_comp_version`, `totalsize` (at least the header, at most
 * `maxTotalSize`), and that every block offset and size lies inside
 * `totalsize` with the alignment the format requires. It does not require
 * `bytes` to hold all `totalsize` bytes (a page-start probe holds one page);
 * `readFdt` checks that.
 */
export function readFdtHeader(bytes: Uint8Array, options?: FdtReadOptions): FdtHeader {
  const result = checkFdtHeader(bytes, resolveFdtReadLimits(options));
  if ('reason' in result) throw new FdtError(result.offset, 'header', result.reason);
  return result;
}

/**
 * Cheap test of a candidate blob start (root discovery calls it on every page
 * start of an image): the validated header, or `undefined` when `bytes` does
 * not start with a valid header. Never throws and allocates nothing for the
 * common case of a wrong magic. Same checks as `readFdtHeader`.
 */
export function probeFdtHeader(bytes: Uint8Array, options?: FdtReadOptions): FdtHeader | undefined {
  if (bytes.length < 4 || readU32BE(bytes, 0) !== FDT_MAGIC) return undefined;
  const result = checkFdtHeader(bytes, resolveFdtReadLimits(options));
  return 'reason' in result ? undefined : result;
}

/** Internal form of the checks, shared by `readFdt` (which already has its limits resolved). */
export function checkFdtHeader(bytes: Uint8Array, limits: FdtReadLimits): FdtHeader | FdtHeaderProblem {
  if (bytes.length < 4) {
    return { offset: 0, reason: `blob is ${bytes.length} bytes, too short to hold the 4-byte magic` };
  }
  const magic = readU32BE(bytes, FDT_HEADER_FIELDS.magic);
  if (magic !== FDT_MAGIC)
    return {
      offset: FDT_HEADER_FIELDS.magic,
      reason: `bad magic ${hexOffset(magic)}, expected ${hexOffset(FDT_MAGIC)}`,
    };
  if (bytes.length < MIN_HEADER_SIZE) {
    return {
      offset: 0,
      reason: `blob is ${bytes.length} bytes, shorter than the smallest header (${MIN_HEADER_SIZE} bytes)`,
    };
  }
  const version = readU32BE(bytes, FDT_HEADER_FIELDS.version);
  const lastCompVersion = readU32BE(bytes, FDT_HEADER_FIELDS.lastCompVersion);
  const format = fdtVersionFormat(version);
  if (!format)
    return {
      offset: FDT_HEADER_FIELDS.version,
      reason: `version ${version} is not an FDT format version (1, 2, 3, 16 or 17)`,
    };
  if (lastCompVersion < 1 || lastCompVersion > version) {
    return {
      offset: FDT_HEADER_FIELDS.lastCompVersion,
      reason: `last_comp_version ${lastCompVersion} must be between 1 and the version (${version})`,
    };
  }
  if (lastCompVersion > FDT_LATEST_VERSION) {
    return {
      offset: FDT_HEADER_FIELDS.lastCompVersion,
      reason: `version ${version} blob needs a reader of version ${lastCompVersion} or later; this reader knows up to ${FDT_LATEST_VERSION}`,
    };
  }
  const headerSize = format.headerSize;
  if (bytes.length < headerSize) {
    return {
      offset: 0,
      reason: `blob is ${bytes.length} bytes, shorter than the version ${version} header (${headerSize} bytes)`,
    };
  }
  const totalSize = readU32BE(bytes, FDT_HEADER_FIELDS.totalsize);
  if (totalSize < headerSize) {
    return {
      offset: FDT_HEADER_FIELDS.totalsize,
      reason: `totalsize ${totalSize} is smaller than the version ${version} header (${headerSize} bytes)`,
    };
  }
  if (totalSize > limits.maxTotalSize) {
    return {
      offset: FDT_HEADER_FIELDS.totalsize,
      reason: `totalsize ${totalSize} exceeds the limit maxTotalSize (${limits.maxTotalSize})`,
    };
  }
  const offMemRsvmap = readU32BE(bytes, FDT_HEADER_FIELDS.offMemRsvmap);
  const offDtStruct = readU32BE(bytes, FDT_HEADER_FIELDS.offDtStruct);
  const offDtStrings = readU32BE(bytes, FDT_HEADER_FIELDS.offDtStrings);
  const sizeDtStrings = format.hasStringsSize ? readU32BE(bytes, FDT_HEADER_FIELDS.sizeDtStrings) : undefined;
  const sizeDtStruct = format.hasStructSize ? readU32BE(bytes, FDT_HEADER_FIELDS.sizeDtStruct) : undefined;
  const bounds = { headerSize, totalSize };
  const problem =
    checkBlockStart(bounds, FDT_HEADER_FIELDS.offMemRsvmap, 'off_mem_rsvmap', offMemRsvmap, 8) ??
    checkBlockEnd(
      bounds,
      FDT_HEADER_FIELDS.offMemRsvmap,
      'off_mem_rsvmap',
      offMemRsvmap,
      'the 16-byte terminator entry',
      16,
    ) ??
    checkBlockStart(bounds, FDT_HEADER_FIELDS.offDtStruct, 'off_dt_struct', offDtStruct, 4) ??
    checkBlockEnd(
      bounds,
      FDT_HEADER_FIELDS.sizeDtStruct,
      'off_dt_struct',
      offDtStruct,
      'size_dt_struct',
      sizeDtStruct,
    ) ??
    checkBlockStart(bounds, FDT_HEADER_FIELDS.offDtStrings, 'off_dt_strings', offDtStrings, 1) ??
    checkBlockEnd(
      bounds,
      FDT_HEADER_FIELDS.sizeDtStrings,
      'off_dt_strings',
      offDtStrings,
      'size_dt_strings',
      sizeDtStrings,
    );
  if (problem) return problem;
  return {
    magic,
    totalSize,
    offDtStruct,
    offDtStrings,
    offMemRsvmap,
    version,
    lastCompVersion,
    bootCpuidPhys: format.hasBootCpuid ? readU32BE(bytes, FDT_HEADER_FIELDS.bootCpuidPhys) : undefined,
    sizeDtStrings,
    sizeDtStruct,
    headerSize,
    structEnd: sizeDtStruct === undefined ? totalSize : offDtStruct + sizeDtStruct,
    stringsEnd: sizeDtStrings === undefined ? totalSize : offDtStrings + sizeDtStrings,
  };
}

interface HeaderBounds {
  headerSize: number;
  totalSize: number;
}

/** A block must start after the header, inside `totalsize`, aligned as the format requires. */
function checkBlockStart(
  bounds: HeaderBounds,
  field: number,
  offsetName: string,
  offset: number,
  alignment: number,
): FdtHeaderProblem | undefined {
  if (offset < bounds.headerSize) {
    return {
      offset: field,
      reason: `${offsetName} ${hexOffset(offset)} points inside the ${bounds.headerSize}-byte header`,
    };
  }
  if (offset > bounds.totalSize) {
    return {
      offset: field,
      reason: `${offsetName} ${hexOffset(offset)} is past totalsize (${hexOffset(bounds.totalSize)})`,
    };
  }
  if (offset % alignment !== 0) {
    return { offset: field, reason: `${offsetName} ${hexOffset(offset)} is not ${alignment}-byte aligned` };
  }
  return undefined;
}

/**
 * A block with a known size must end inside `totalsize`. Versions without the
 * size field pass `undefined` and the block runs to `totalsize`. The memory
 * reservation block has no size field at all; it must at least hold its
 * 16-byte terminator.
 */
function checkBlockEnd(
  bounds: HeaderBounds,
  field: number,
  offsetName: string,
  offset: number,
  sizeName: string,
  size: number | undefined,
): FdtHeaderProblem | undefined {
  if (size === undefined || offset + size <= bounds.totalSize) return undefined;
  return {
    offset: field,
    reason: `${sizeName} (${size} bytes) at ${offsetName} ${hexOffset(offset)} runs past totalsize (${hexOffset(bounds.totalSize)})`,
  };
}
