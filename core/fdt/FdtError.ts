/** The part of a blob an `FdtError` is about. */
export type FdtStructure = 'header' | 'memory reservation block' | 'structure block' | 'node' | 'property';

/**
 * The one error type of the FDT reader: the byte offset in the blob the problem
 * is at, the structure being read and a plain-words reason. The message reads
 * "property at 0x1a4: value runs past the end of the structure block (...)".
 */
export class FdtError extends Error {
  /** Byte offset from the start of the blob. */
  readonly offset: number;
  /** What was being read. */
  readonly structure: FdtStructure;
  /** Plain-words reason, without the location prefix. */
  readonly reason: string;

  constructor(offset: number, structure: FdtStructure, reason: string) {
    super(`${structure} at 0x${offset.toString(16)}: ${reason}`);
    this.name = 'FdtError';
    this.offset = offset;
    this.structure = structure;
    this.reason = reason;
  }
}
