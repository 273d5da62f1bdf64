import type { ByteSource } from '../ByteSource';
import { clampRead } from './readRange';

/**
 * A `ByteSource` over a browser `Blob`/`File` (Node 20 has the same global
 * `Blob`). Each read slices the blob, so the browser fetches only those bytes
 * from disk; exports can reuse `blob` to reference unchanged parts lazily.
 */
export class BlobSource implements ByteSource {
  readonly size: number;
  readonly name: string;

  /** `name` defaults to the `File` name, or `blob`. */
  constructor(
    readonly blob: Blob,
    name?: string,
  ) {
    this.size = blob.size;
    const fileName = (blob as { name?: unknown }).name;
    this.name = name ?? (typeof fileName === 'string' ? fileName : 'blob');
  }

  /** Bytes [offset, offset + length), clamped to the end of the blob. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const [start, end] = clampRead(this.name, this.size, offset, length);
    if (start === end) return new Uint8Array(0);
    return new Uint8Array(await this.blob.slice(start, end).arrayBuffer());
  }
}
