import { Checkpoint } from '../../mem/Checkpoint';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { MemoryError } from '../../mem/MemoryError';
import { hex } from '../../bytes/readers';
import type { MapProgress } from './MapDecodeOptions';
import type { ProblemLog } from './MapProblem';

/** How often (in pages read) progress is reported. */
const PROGRESS_EVERY = 64;

/**
 * Reads the metadata pages of one map (chunks, bitmaps, radix nodes): checks
 * each pointer before following it, turns unusable ones into problems instead
 * of errors, remembers every page it read, and polls for cancellation.
 */
export class MapPageReader {
  /** Page addresses touched by metadata reads, in read order (may repeat for 512-byte bitmaps). */
  readonly pagesTouched: number[] = [];
  private reads = 0;
  /** Blocks found so far, kept here so progress reports can include it. */
  blocks = 0;

  constructor(
    private readonly memory: PhysicalMemory,
    readonly pageSize: number,
    private readonly problems: ProblemLog,
    signal: AbortSignal | undefined,
    private readonly onProgress: ((progress: MapProgress) => void) | undefined,
  ) {
    this.checkpoint = new Checkpoint(signal);
  }

  /** Cancels between reads, and lets the event loop in so that a signal fired from outside is seen. */
  private readonly checkpoint: Checkpoint;

  /**
   * Bytes [address, address + length) of a metadata structure, or `null`
   * after logging a problem when the pointer is unaligned, outside RAM or
   * unreadable. `referrer` is where the pointer was found (for the message).
   */
  async read(
    address: number,
    length: number,
    alignment: number,
    structure: string,
    referrer: number,
  ): Promise<Uint8Array | null> {
    await this.checkpoint.pass();
    if (address % alignment !== 0) {
      this.problems.add(
        address,
        structure,
        `pointer ${hex(address)} is not ${alignment}-byte aligned${foundAt(address, referrer)}`,
      );
      return null;
    }
    if (!this.memory.contains(address, length)) {
      this.problems.add(
        address,
        structure,
        `pointer ${hex(address)} leads outside the image's RAM (a hole or missing memory)${foundAt(address, referrer)}`,
      );
      return null;
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.memory.read(address, length);
    } catch (error) {
      if (!(error instanceof MemoryError)) throw error;
      this.problems.add(address, structure, `cannot be read: ${error.reason}${foundAt(address, referrer)}`);
      return null;
    }
    const ps = this.pageSize;
    for (let page = address - (address % ps); page < address + length; page += ps) this.pagesTouched.push(page);
    this.reads++;
    if (this.reads % PROGRESS_EVERY === 0) this.reportProgress();
    return bytes;
  }

  /** Reports the current progress (also used once at the end of a decode). */
  reportProgress(): void {
    this.onProgress?.({ pagesRead: this.reads, blocks: this.blocks });
  }

  /** The touched pages, sorted and without repeats. */
  metadataPages(): number[] {
    return [...new Set(this.pagesTouched)].sort((a, b) => a - b);
  }
}

/**
 * Where the pointer to `address` was found, in words ('' when it is the page
 * itself). Made only for a problem: a map reads thousands of pages.
 */
function foundAt(address: number, referrer: number): string {
  return referrer === address ? '' : ` (pointer found at ${hex(referrer)})`;
}
