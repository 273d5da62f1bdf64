import { floorLog2, trailingZeros } from '../../bytes/bitMath';
import { hex } from '../../bytes/readers';
import { MapError } from './MapError';
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
