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
    return this.slice(offset, length);
  }

  /**
   * Bytes [offset, offset + target.length), clamped to the end, copied into
   * `target`; resolves to the count. `Blob` can only hand out a new
   * `ArrayBuffer`, so this costs one copy, but callers keep one code path.
   */
  async readInto(offset: number, target: Uint8Array): Promise<number> {
    const bytes = await this.slice(offset, target.length);
    target.set(bytes);
    return bytes.length;
  }

  private async slice(offset: number, length: number): Promise<Uint8Array> {
    const [start, end] = clampRead(this.name, this.size, offset, length);
    if (start === end) return new Uint8Array(0);
    return new Uint8Array(await this.blob.slice(start, end).arrayBuffer());
  }
}
