import { useEffect, useMemo, useState } from 'react';
import type { ReadMemory } from '../../model/Selection';
import type { HexRegion } from './HexRegion';
import { regionAddress } from './hexRows';
import { PageCache } from './PageCache';

/** The bytes of a region: a number, null when unreadable, undefined while still being read. */
export interface RegionBytes {
  byteAt(offset: number): number | null | undefined;
}

/**
 * Bytes for the hex view. A fragment region reads its fragment's own bytes;
 * a memory region reads pages through `readMemory` (page by page, cached)
 * and returns a new object whenever pages arrive, so memoised rows redraw.
 */
export function useRegionBytes(
  region: HexRegion | null,
  fragmentBytes: Uint8Array | null,
  readMemory: ReadMemory | null,
  pageSize: number,
): RegionBytes {
  const cache = useMemo(() => (readMemory ? new PageCache(readMemory, pageSize) : null), [readMemory, pageSize]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!cache) return;
    // Many pages can land in one frame: redraw once per frame.
    let frame = 0;
    const unsubscribe = cache.subscribe(() => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion((v) => v + 1);
        });
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [cache]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the trigger (see below)
  return useMemo<RegionBytes>(() => {
    if (region === null) return { byteAt: () => null };
    if (fragmentBytes !== null) return { byteAt: (offset) => fragmentBytes[offset] ?? null };
    return {
      byteAt: (offset) => {
        const address = regionAddress(region, offset);
        return address === null || cache === null ? null : cache.byteAt(address);
      },
    };
    // `version` changes when pages arrive: a new object makes the rows read again.
  }, [region, fragmentBytes, cache, version]);
}
