/**
 * The error type of the preserved-memory map code. Decoders report what is
 * wrong with a map as problems instead of throwing; this is thrown only for
 * arguments that make decoding or encoding meaningless (an unsupported page
 * size, a block that is not aligned to its order, ...).
 */
export class MapError extends Error {
  /** The physical address the problem is about (0 when none applies). */
  readonly at: number;
  /** What was being read or written (`radix tree`, `chunk list`, `block`, ...). */
  readonly structure: string;
  /** Plain-words reason, without the location prefix. */
  readonly reason: string;

  constructor(at: number, structure: string, reason: string) {
    super(`${structure} at physical address 0x${at.toString(16)}: ${reason}`);
    this.name = 'MapError';
    this.at = at;
    this.structure = structure;
    this.reason = reason;
  }
}
