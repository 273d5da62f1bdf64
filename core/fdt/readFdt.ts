import { FdtError } from './FdtError';
import { checkFdtHeader } from './FdtHeader';
import { FdtIndex } from './FdtIndex';
import { resolveFdtReadLimits } from './FdtReadOptions';
import type { FdtReadOptions } from './FdtReadOptions';
import { readMemoryReservations } from './readMemoryReservations';
import { scanStructureBlock } from './scanStructureBlock';

/**
 * Reads an untrusted FDT blob: validates the header, reads the memory
 * reservation block and indexes the structure block in one pass (see
 * `FdtIndex`). `bytes` may be longer than the blob (a page or a whole image
 * region); the blob is its first `totalsize` bytes, which it must hold,
 * unless `options.allowTruncated` is set: then bytes that end inside the blob
 * (but after its header) give an index of what they hold, with
 * `FdtIndex.truncation` saying what is missing. Throws only `FdtError`.
 */
export function readFdt(bytes: Uint8Array, options?: FdtReadOptions): FdtIndex {
  const limits = resolveFdtReadLimits(options);
  const header = checkFdtHeader(bytes, limits);
  if ('reason' in header) throw new FdtError(header.offset, 'header', header.reason);
  if (header.totalSize > bytes.length && options?.allowTruncated !== true) {
    throw new FdtError(4, 'header', `totalsize ${header.totalSize} is larger than the ${bytes.length} bytes available`);
  }
  const blob = bytes.subarray(0, header.totalSize);
  const memoryReservations = readMemoryReservations(blob, header, limits);
  const tables = scanStructureBlock(blob, header, limits);
  return new FdtIndex(blob, header, memoryReservations, tables);
}
