import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { decodeChunkList } from './decodeChunkList';
import { decodeRadixTree } from './decodeRadixTree';
import type { MapDecodeOptions } from './MapDecodeOptions';
import { PreservedRanges } from './PreservedRanges';
import { PreservedMemoryMap, type MapEncoding } from './PreservedMemoryMap';
import { radixGeometry } from './radixGeometry';

const NO_MAP_YET = 'preserved-memory-map is 0: the kernel has not written a map yet (6.19/7.0 before finalize)';

/**
 * Decodes the preserved-memory map that a root's `preserved-memory-map`
 * property points at, in the given encoding. An address of 0 is not an
 * error: it gives an empty map with status `no-map-yet`.
 */
export async function decodePreservedMemoryMap(
  memory: PhysicalMemory,
  address: number,
  encoding: MapEncoding,
  options: MapDecodeOptions = {},
): Promise<PreservedMemoryMap> {
  if (address !== 0) {
    return encoding === 'chunk-list'
      ? decodeChunkList(memory, address, options)
      : decodeRadixTree(memory, address, options);
  }
  const pageSize = options.pageSize ?? memory.pageSize;
  const details =
    encoding === 'chunk-list'
      ? { encoding, chunks: 0, bitmaps: 0, bitmapBytes: options.chunkBitmapBytes ?? pageSize, bitmapReason: NO_MAP_YET }
      : {
          encoding,
          depth: radixGeometry(pageSize, options.radixDepthFormula).depth,
          depthReason: NO_MAP_YET,
          nodes: 0,
          leaves: 0,
        };
  return new PreservedMemoryMap({
    encoding,
    address: 0,
    pageSize,
    status: 'no-map-yet',
    details,
    metadataPages: [],
    blocksPerOrder: [],
    ranges: new PreservedRanges(new Float64Array(0)),
    rangesByOrder: [],
    problems: [],
    droppedProblems: 0,
  });
}
