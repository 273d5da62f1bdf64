/**
 * Wire-level FDT codec: `readFdt` (validating one-pass index over a blob),
 * `writeFdt` (dtc-identical blob layout), header probing, and the types and
 * constants they share. See docs/fdt-codec.md.
 */
export * from './constants';
export { FdtError } from './FdtError';
export type { FdtStructure } from './FdtError';
export { FdtWriteError } from './FdtWriteError';
export { DEFAULT_FDT_READ_LIMITS } from './FdtReadOptions';
export type { FdtReadLimits, FdtReadOptions } from './FdtReadOptions';
export { probeFdtHeader, readFdtHeader } from './FdtHeader';
export type { FdtHeader } from './FdtHeader';
export { FDT_LATEST_VERSION, FDT_WRITABLE_VERSIONS, fdtVersionFormat } from './FdtVersionFormat';
export type { FdtVersionFormat, FdtWritableVersion } from './FdtVersionFormat';
export { FdtIndex } from './FdtIndex';
export type { FdtVisitor } from './FdtIndex';
export type { FdtTruncation } from './FdtTruncation';
export { readFdt } from './readFdt';
export { writeFdt } from './writeFdt';
export type { FdtWriteOptions } from './writeFdt';
export { emptyFdtDocument } from './FdtDocument';
export type { FdtDocument, FdtNode, FdtProperty, MemoryReservation } from './FdtDocument';
