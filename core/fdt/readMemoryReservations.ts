import { FDT_RESERVE_ENTRY_SIZE } from './constants';
import { FdtError } from './FdtError';
import type { MemoryReservation } from './FdtDocument';
import type { FdtHeader } from './FdtHeader';
import type { FdtReadLimits } from './FdtReadOptions';
import { readU32BE, readU64BE } from './bigEndian';

/**
 * Reads the memory reservation block: (address, size) u64 pairs up to the
 * terminator entry. The terminator is the first entry whose size is 0, as dtc
 * (`flat_read_mem_reserve`), libfdt (`fdt_num_mem_rsv`) and the kernel read it;
 * its address is ignored. Entries must lie inside `totalsize`.
 */
export function readMemoryReservations(bytes: Uint8Array, header: FdtHeader, limits: FdtReadLimits): MemoryReservation[] {
  const reservations: MemoryReservation[] = [];
  for (let offset = header.offMemRsvmap; ; offset += FDT_RESERVE_ENTRY_SIZE) {
    if (offset + FDT_RESERVE_ENTRY_SIZE > header.totalSize) {
      throw new FdtError(
        offset,
        'memory reservation block',
        `runs past totalsize (0x${header.totalSize.toString(16)}) without a terminating entry of size 0`,
      );
    }
    const sizeIsZero = readU32BE(bytes, offset + 8) === 0 && readU32BE(bytes, offset + 12) === 0;
    if (sizeIsZero) return reservations;
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
