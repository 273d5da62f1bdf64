/**
 * The one error type of the memory layer: a physical address or file offset,
 * the structure being read (`ELF program header 3`, `kdump bitmap`, `physical
 * memory`, ...) and a plain-words reason.
 */
export class MemoryError extends Error {
  /** The physical address or file offset the problem is at (see `where`). */
  readonly at: number;
  /** Whether `at` is a physical address or an offset in the image file. */
  readonly where: 'physical' | 'file';
  /** What was being read. */
  readonly structure: string;
  /** Plain-words reason, without the location prefix. */
  readonly reason: string;

  constructor(where: 'physical' | 'file', at: number, structure: string, reason: string) {
    const place = where === 'physical' ? `physical address 0x${at.toString(16)}` : `file offset 0x${at.toString(16)}`;
    super(`${structure} at ${place}: ${reason}`);
    this.name = 'MemoryError';
    this.at = at;
    this.where = where;
    this.structure = structure;
    this.reason = reason;
  }
}
