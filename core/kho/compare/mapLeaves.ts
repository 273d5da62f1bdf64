import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import type { Leaf } from './compareLeaves';

/**
 * What a root's preserved-memory map preserves, not where it sits: encoding,
 * status, the number of blocks of each order (an edit that fuses a kernel's
 * folios into bigger blocks changes those counts, and the next kernel then
 * restores them wrong) and the bytes preserved. None without a map.
 */
export function mapLeaves(map: PreservedMemoryMap | null): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  if (!map) return leaves;
  const data = (name: string, text: string) => leaves.set(name, { text, pointer: false });
  data('encoding', map.encoding);
  data('status', map.status);
  let bytes = 0;
  map.blocksPerOrder.forEach((count, order) => {
    if (count === 0) return;
    data(`order-${order} blocks`, String(count));
    bytes += count * map.pageSize * 2 ** order;
  });
  data('bytes preserved', String(bytes));
  return leaves;
}
