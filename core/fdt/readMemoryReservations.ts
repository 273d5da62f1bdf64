import { FDT_RESERVE_ENTRY_SIZE } from './constants';
import { FdtError } from './FdtError';
import type { MemoryReservation } from './FdtDocument';
import type { FdtHeader } from './FdtHeader';
import type { FdtReadLimits } from './FdtReadOptions';
import { readU32BE, readU64BE } from '../bytes/bigEndian';

/** The entries read, and where the bytes ran out before the terminator (null when it was read). */
export interface MemoryReservationsRead {
  reservations: MemoryReservation[];
  /** Offset of the first entry not wholly in the bytes of a truncated blob; null when the terminator was read. */
  cutAt: number | null;
}

/**
 * Reads the memory reservation block: (address, size) u64 pairs up to the
 * terminator entry. The terminator is the first entry whose size is 0, as dtc
 * (`flat_read_mem_reserve`), libfdt (`fdt_num_mem_rsv`) and the kernel read it;
 * its address is ignored. Entries must lie inside `totalsize`. When `bytes`
 * holds only a prefix of the blob (a tolerant read), reading stops at the
 * first entry that is not wholly present.
 */
export function readMemoryReservations(
  bytes: Uint8Array,
  header: FdtHeader,
  limits: FdtReadLimits,
): MemoryReservationsRead {
  const reservations: MemoryReservation[] = [];
  for (let offset = header.offMemRsvmap; ; offset += FDT_RESERVE_ENTRY_SIZE) {
    if (offset + FDT_RESERVE_ENTRY_SIZE > bytes.length) {
      if (offset + FDT_RESERVE_ENTRY_SIZE <= header.totalSize) return { reservations, cutAt: offset };
      throw new FdtError(
        offset,
        'memory reservation block',
        `runs past totalsize (0x${header.totalSize.toString(16)}) without a terminating entry of size 0`,
      );
    }
    const sizeIsZero = readU32BE(bytes, offset + 8) === 0 && readU32BE(bytes, offset + 12) === 0;
    if (sizeIsZero) return { reservations, cutAt: null };
    if (reservations.length >= limits.maxMemoryReservations) {
      throw new FdtError(
        offset,
        'memory reservation block',
        `more than ${limits.maxMemoryReservations} entries (limit maxMemoryReservations)`,
      );
    }
    reservations.push({ address: readU64BE(bytes, offset), size: readU64BE(bytes, offset + 8) });
  }
}
