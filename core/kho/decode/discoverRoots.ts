import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { findKhoRoots } from '../discover/findKhoRoots';
import type { DecodeContext } from './DecodeContext';
import type { RootRequest } from './decodeRoot';
import type { RootMapOptions } from './decodeRootMap';
import { rootsFromScan } from './rootsFromScan';

/**
 * Finds the roots to decode when the caller named none and brought no scan:
 * scans the memory for roots and chooses among them as `rootsFromScan` does.
 */
export async function discoverRoots(
  ctx: DecodeContext,
  memory: PhysicalMemory,
  map: RootMapOptions,
): Promise<RootRequest[]> {
  const result = await findKhoRoots(memory, { pageSize: ctx.pageSize, signal: ctx.signal, map });
  return rootsFromScan(ctx, result, undefined);
}
