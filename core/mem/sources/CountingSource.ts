import type { ByteSource } from '../ByteSource';

/**
 * Wraps a source and counts what is read through it: lets tests and the
 * benchmark prove that opening and reading an image touches few bytes.
 */
export class CountingSource implements ByteSource {
  /** Total bytes returned by reads so far. */
  bytesRead = 0;
  /** Number of read calls so far. */
  reads = 0;

  constructor(private readonly inner: ByteSource) {}

  get name(): string {
    return this.inner.name;
  }

  get size(): number {
    return this.inner.size;
  }

  /** Reads through the wrapped source and counts the bytes. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const bytes = await this.inner.read(offset, length);
    this.reads++;
    this.bytesRead += bytes.length;
    return bytes;
  }
}
