import { floorLog2 } from '../../bytes/bitMath';
import { MapError } from './MapError';

/**
 * Checks that `pageSize` is one KHO can run with (a power of two from 4 KiB
 * to 64 KiB: x86_64 uses 4 KiB, arm64 4, 16 or 64 KiB) and returns its log2.
 */
export function checkKhoPageSize(pageSize: number, structure: string): number {
  if (!Number.isInteger(pageSize) || pageSize < 4096 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new MapError(0, structure, `page size ${pageSize} is not a power of two from 4 KiB to 64 KiB`);
  }
  return floorLog2(pageSize);
}
