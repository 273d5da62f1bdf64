import type { PreservedBlock } from './PreservedBlock';
import type { PreservedMemoryMap } from './PreservedMemoryMap';

/** Most blocks `mapBlocks` lists: a hostile map must not make a caller build an endless array. */
export const MAX_LISTED_BLOCKS = 1 << 24;

/**
 * Every entry of a decoded map, as the kernel reads it: one (address, order)
 * per preserved block, ordered by order, then address. Blocks of one order
 * are all 2^order pages long and laid end to end inside each of that order's
 * merged ranges, so cutting every range into blocks of its order from its
 * start gives back the entries exactly. Stops after `limit` blocks.
 */
export function mapBlocks(map: PreservedMemoryMap, limit = MAX_LISTED_BLOCKS): PreservedBlock[] {
  const blocks: PreservedBlock[] = [];
  for (const { order, ranges } of map.rangesByOrder) {
    const size = map.pageSize * 2 ** order;
    for (let i = 0; i < ranges.count; i++) {
      for (let address = ranges.start(i); address < ranges.end(i); address += size) {
        if (blocks.length >= limit) return blocks;
        blocks.push({ address, order });
      }
    }
  }
  return blocks;
}

/**
 * The entry whose block holds `address`, or null when no block does. The
 * next kernel restores a folio only from an entry whose head is the folio's
 * first page and whose order is the folio's (`kho_restore_folio`), so
 * callers compare both. With blocks of several orders over one address (a
 * hostile map) the lowest order is returned.
 */
export function blockHolding(map: PreservedMemoryMap, address: number): PreservedBlock | null {
  for (const { order, ranges } of map.rangesByOrder) {
    const index = ranges.indexOf(address);
    if (index < 0) continue;
    const size = map.pageSize * 2 ** order;
    const start = ranges.start(index);
    return { address: start + Math.floor((address - start) / size) * size, order };
  }
  return null;
}

/** A block's key for sets and maps: `order:address`. */
export function blockKey(block: PreservedBlock): string {
  return `${block.order}:${block.address}`;
}
