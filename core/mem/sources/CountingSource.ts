import type { ByteSource } from '../ByteSource';
import { readSourceInto } from './readRange';

/**
 * Wraps a source and counts what is read through it: lets tests and the
 * benchmark prove that opening and reading an image touches few bytes.
 */
export class CountingSource implements ByteSource {
  /** Total bytes returned by reads so far. */
  bytesRead = 0;
  /** Number of read calls so far (`read` and `readInto` alike). */
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
    this.count(bytes.length);
    return bytes;
  }

  /** Reads into `target` through the wrapped source and counts the bytes. */
  async readInto(offset: number, target: Uint8Array): Promise<number> {
    const count = await readSourceInto(this.inner, offset, target);
    this.count(count);
    return count;
  }

  private count(bytes: number): void {
    this.reads++;
    this.bytesRead += bytes;
  }
}
