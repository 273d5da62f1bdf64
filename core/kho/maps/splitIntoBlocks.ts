import { floorLog2, trailingZeros } from '../../bytes/bitMath';
import { hex } from '../../bytes/readers';
import { MapError } from './MapError';
import type { PhysRange } from '../../mem/PhysicalMemory';
import type { PreservedBlock } from './PreservedBlock';

/**
 * Splits the page-aligned range [start, end) into naturally aligned
 * power-of-two blocks the way the kernel's preserve functions do: greedily
 * from the start, each block of order min(ctz(pfn), floor(log2(pages left))).
 */
export function splitIntoBlocks(start: number, end: number, pageSize: number): PreservedBlock[] {
  if (start % pageSize !== 0 || end % pageSize !== 0 || end < start || !Number.isSafeInteger(end)) {
    throw new MapError(start, 'range', `[${hex(start)}, ${hex(end)}) is not a page-aligned range below 2^53`);
  }
  const blocks: PreservedBlock[] = [];
  let pfn = start / pageSize;
  const endPfn = end / pageSize;
  while (pfn < endPfn) {
    const sizeLimit = floorLog2(endPfn - pfn);
    const order = pfn === 0 ? sizeLimit : Math.min(trailingZeros(pfn), sizeLimit);
    blocks.push({ address: pfn * pageSize, order });
    pfn += 2 ** order;
  }
  return blocks;
}

/**
 * Blocks for several allocations, each preserved on its own the way the
 * kernel preserves them (one `kho_preserve_pages` per allocation), so that
 * blocks of two allocations that touch are never fused into one larger
 * block. Each range is rounded out to whole pages; pages an earlier range
 * already covered are skipped, and the rest of the range is split greedily.
 */
export function splitEachIntoBlocks(ranges: readonly PhysRange[], pageSize: number): PreservedBlock[] {
  const covered = new Set<number>();
  const blocks: PreservedBlock[] = [];
  for (const range of ranges) {
    const first = range.start - (range.start % pageSize);
    const end = Math.ceil(range.end / pageSize) * pageSize;
    let runStart = -1;
    for (let page = first; page <= end; page += pageSize) {
      const free = page < end && !covered.has(page);
      if (free) {
        covered.add(page);
        if (runStart < 0) runStart = page;
      } else if (runStart >= 0) {
        blocks.push(...splitIntoBlocks(runStart, page, pageSize));
        runStart = -1;
      }
    }
  }
  return blocks;
}
