/**
 * The error of root discovery: only a root given by address that is not a
 * root at all (no FDT header, unreadable, broken anchor chain) throws it;
 * what a scan finds wrong is reported in its result instead.
 */
export class RootScanError extends Error {
  /** Physical address the problem is at. */
  readonly at: number;
  /** Plain-words reason, without the location prefix. */
  readonly reason: string;

  constructor(at: number, reason: string) {
    super(`root at physical address 0x${at.toString(16)}: ${reason}`);
    this.name = 'RootScanError';
    this.at = at;
    this.reason = reason;
  }
}
