import { readMemoryInto, type PhysicalMemory, type PhysRange } from '../../mem/PhysicalMemory';
import { RangeAccumulator } from '../maps/RangeAccumulator';
import type { PreservedRanges } from '../maps/PreservedRanges';

/**
 * A view of physical memory that remembers every byte read through it. The
 * carve decodes the graph through one: whatever the decoders read, by any
 * path, is what the carved image must hold, so nothing depends on knowing
 * each decoder's structures. Reads that fail record nothing: they read no
 * bytes the carved image could hold.
 */
export class RecordingMemory implements PhysicalMemory {
  private readonly seen = new RangeAccumulator();

  /** `pageSize` is the decode's page size, which may differ from the container's. */
  constructor(
    private readonly inner: PhysicalMemory,
    readonly pageSize: number,
  ) {}

  get kind(): string {
    return this.inner.kind;
  }

  get ranges(): readonly PhysRange[] {
    return this.inner.ranges;
  }

  /** Asks the memory underneath; a question about the layout reads no bytes. */
  contains(address: number, length: number): boolean {
    return this.inner.contains(address, length);
  }

  /** Reads from the memory underneath and records the bytes read. */
  async read(address: number, length: number): Promise<Uint8Array> {
    const bytes = await this.inner.read(address, length);
    this.record(address, length);
    return bytes;
  }

  /** Fills `target` from the memory underneath and records the bytes read. */
  async readInto(address: number, target: Uint8Array): Promise<void> {
    await readMemoryInto(this.inner, address, target);
    this.record(address, target.length);
  }

  /** Every byte read so far, as sorted, merged ranges. */
  bytesRead(): PreservedRanges {
    return this.seen.finish();
  }

  private record(address: number, length: number): void {
    if (length > 0) this.seen.add(address, address + length);
  }
}
