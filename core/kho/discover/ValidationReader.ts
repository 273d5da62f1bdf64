import { Checkpoint } from '../../mem/Checkpoint';
import { MemoryError } from '../../mem/MemoryError';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';

/**
 * Reads done while checking candidates (headers, blobs, anchor pages, child
 * targets), under one byte budget for the whole discovery so that an image
 * full of fake magics cannot make it read without end. Failures come back as
 * plain-words reasons, not exceptions.
 */
export class ValidationReader {
  private spent = 0;
  /** Set once a read was refused for lack of budget. */
  exhausted = false;

  constructor(
    readonly memory: PhysicalMemory,
    private readonly budget: number,
    signal: AbortSignal | undefined,
  ) {
    this.checkpoint = new Checkpoint(signal);
  }

  /** Cancels between reads, and lets the event loop in so that a signal fired from outside is seen. */
  private readonly checkpoint: Checkpoint;

  /** The bytes, or why they cannot be had. */
  async read(address: number, length: number): Promise<Uint8Array | string> {
    await this.checkpoint.pass();
    if (!this.memory.contains(address, length)) return "lies (partly) outside the image's RAM";
    if (this.spent + length > this.budget) {
      this.exhausted = true;
      return `was not read: the validation budget of ${this.budget} bytes is used up`;
    }
    this.spent += length;
    try {
      return await this.memory.read(address, length);
    } catch (error) {
      if (error instanceof MemoryError) return `cannot be read: ${error.reason}`;
      throw error;
    }
  }
}
