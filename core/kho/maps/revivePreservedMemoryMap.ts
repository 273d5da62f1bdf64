import { PreservedMemoryMap, type PreservedMemoryMapData } from './PreservedMemoryMap';
import { PreservedRanges } from './PreservedRanges';

/**
 * Rebuilds a map that went through a structured clone (postMessage from a
 * Worker): the clone keeps the fields, the ranges as bare `{ pairs }`, but
 * drops the classes' methods.
 */
export function revivePreservedMemoryMap(data: PreservedMemoryMapData): PreservedMemoryMap {
  const revive = (ranges: PreservedRanges) => new PreservedRanges((ranges as { pairs: Float64Array }).pairs);
  return new PreservedMemoryMap({
    ...data,
    ranges: revive(data.ranges),
    rangesByOrder: data.rangesByOrder.map(({ order, ranges }) => ({ order, ranges: revive(ranges) })),
  });
}
