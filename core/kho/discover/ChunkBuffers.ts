/**
 * The read buffers of one page scan: one per read-ahead slot, recycled from
 * chunk to chunk. A slot's buffer is made only when a chunk first needs it
 * and grows only when a longer chunk comes, by at least doubling (so a scan
 * over spans of ever larger sizes reallocates a few times, not once per
 * span) and never past `chunkBytes`. So a scan of an image that stores a few
 * KiB holds a few KiB, while a multi-GiB scan holds `slots × chunkBytes`,
 * flat, after its first chunks.
 */
export class ChunkBuffers {
  readonly #slots: Array<Uint8Array | undefined>;
  readonly #chunkBytes: number;
  /** Buffers made so far (a test's count: growth must stay rare). */
  allocations = 0;

  /** `slots` buffers of at most `chunkBytes` each. */
  constructor(slots: number, chunkBytes: number) {
    this.#slots = new Array<Uint8Array | undefined>(slots).fill(undefined);
    this.#chunkBytes = chunkBytes;
  }

  /**
   * The first `length` bytes (at most `chunkBytes`) of slot `slot`'s buffer,
   * made or grown first if it is shorter. The caller must be done with the
   * slot's previous chunk: its bytes are reused.
   */
  take(slot: number, length: number): Uint8Array {
    if (length > this.#chunkBytes)
      throw new RangeError(`a chunk of ${length} bytes exceeds chunkBytes ${this.#chunkBytes}`);
    let buffer = this.#slots[slot];
    if (buffer === undefined || buffer.length < length) {
      const grown = Math.min(this.#chunkBytes, Math.max(length, 2 * (buffer?.length ?? 0)));
      buffer = new Uint8Array(grown);
      this.#slots[slot] = buffer;
      this.allocations++;
    }
    return buffer.subarray(0, length);
  }
}
