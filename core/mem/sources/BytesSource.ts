import type { ByteSource } from '../ByteSource';
import { clampRead } from './readRange';

/** A `ByteSource` over bytes already in memory (tests, small blobs, carved pages). */
export class BytesSource implements ByteSource {
  readonly size: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly name = 'bytes',
  ) {
    this.size = bytes.length;
  }

  /** A view of [offset, offset + length) clamped to the end (no copy). */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const [start, end] = clampRead(this.name, this.size, offset, length);
    return this.bytes.subarray(start, end);
  }

  /** Copies [offset, offset + target.length), clamped to the end, into `target`; resolves to the count. */
  async readInto(offset: number, target: Uint8Array): Promise<number> {
    const [start, end] = clampRead(this.name, this.size, offset, target.length);
    target.set(this.bytes.subarray(start, end));
    return end - start;
  }
}
