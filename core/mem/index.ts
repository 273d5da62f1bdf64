/**
 * Physical memory over every container (raw, ELF, kdump, debugfs sets, lone
 * DTBs), read lazily through byte sources. See docs/memory-images.md.
 */
export type { ByteSource } from './ByteSource';
export { BlobSource } from './sources/BlobSource';
export { HttpRangeSource } from './sources/HttpRangeSource';
export { BytesSource } from './sources/BytesSource';
export { MemoryError } from './MemoryError';
export { openImage } from './openImage';
export { defaultMemoryLimits } from './OpenImageOptions';
export type { MemoryLimits, OpenImageOptions, OverlapPolicy } from './OpenImageOptions';
export type {
  DebugfsImage,
  DtbImage,
  ElfImage,
  KdumpImage,
  MemoryImage,
  OpenedImage,
  RawImage,
} from './OpenedImage';
export { readMemoryInto } from './PhysicalMemory';
export type { PhysRange, PhysicalMemory } from './PhysicalMemory';
export { SparseMemory } from './SparseMemory';
export { exportFileToBlob } from './export/exportFileToBlob';
export { fileBaseName } from './export/fileBaseName';
