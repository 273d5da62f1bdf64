/**
 * Preserved-memory maps: decoders and encoders for the `kho-v1` chunk list
 * and the `kho-v2`+ radix tree, with one shared result type.
 */
export { decodePreservedMemoryMap } from './decodePreservedMemoryMap';
export { decodeChunkList } from './decodeChunkList';
export { decodeRadixTree } from './decodeRadixTree';
export { encodeChunkList } from './encodeChunkList';
export { encodeRadixTree } from './encodeRadixTree';
export { writeEncodedMap, type EncodedMap, type PageAllocator } from './EncodedMap';
export { splitIntoBlocks } from './splitIntoBlocks';
export { blockHolding, blockKey, mapBlocks } from './mapBlocks';
export type { PreservedBlock } from './PreservedBlock';
export {
  PreservedMemoryMap,
  type ChunkListDetails,
  type MapEncoding,
  type MapStatus,
  type OrderRanges,
  type PreservedMemoryMapData,
  type RadixTreeDetails,
} from './PreservedMemoryMap';
export { PreservedRanges } from './PreservedRanges';
export { revivePreservedMemoryMap } from './revivePreservedMemoryMap';
export type { MapDecodeOptions, MapProgress, RadixDepthFormula } from './MapDecodeOptions';
export type { MapProblem } from './MapProblem';
export { MapError } from './MapError';
export { radixGeometry, radixKey, levelShift, type RadixGeometry } from './radixGeometry';
export { mapEncodingFor } from './mapEncodingFor';
export { SMALL_BITMAP_BYTES } from './chunkListLayout';
