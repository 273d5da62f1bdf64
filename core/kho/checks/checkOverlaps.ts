import { hex } from '../../bytes/readers';
import type { DecodeContext } from '../decode/DecodeContext';
import { locationExtents } from '../model/FragmentLocation';

/**
 * Two different fragments whose bytes (whole pages, for page lists) overlap
 * in physical memory: one of them was written over the other, or a pointer
 * is off. Reported once per overlapping pair, at the later fragment.
 * A sweep over the extents sorted by start keeps this O(n log n) for sane
 * graphs.
 */
export function checkOverlaps(ctx: DecodeContext): void {
  const extents = [...ctx.fragments.values()]
    .flatMap((fragment) => locationExtents(fragment.location).map((extent) => ({ ...extent, fragment: fragment.id })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const reported = new Set<string>();
  const open: typeof extents = [];
  for (const extent of extents) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i].end <= extent.start) open.splice(i, 1);
    for (const other of open) {
      const pair = [other.fragment, extent.fragment].sort().join(' ');
      if (other.fragment === extent.fragment || reported.has(pair)) continue;
      reported.add(pair);
      const start = Math.max(other.start, extent.start);
      const end = Math.min(other.end, extent.end);
      ctx.diagnostics.error(
        'overlapping-fragments',
        `fragments ${other.fragment} and ${extent.fragment} overlap in [${hex(start)}, ${hex(end)})`,
        { fragment: extent.fragment, address: start },
      );
    }
    open.push(extent);
  }
}
