import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import { clampRead } from './readRange';

/**
 * A `ByteSource` over a file served by HTTP that answers range requests
 * (`khoscope open` serves the user's image so). Each read asks for exactly
 * its bytes with a `Range` header, so the image is never fetched whole. The
 * size is known up front (the server says it); `fetch` is the browser's or
 * Node's own.
 */
export class HttpRangeSource implements ByteSource {
  /** `url` serves `size` bytes; `name` is what messages call it. */
  constructor(
    readonly url: string,
    readonly size: number,
    readonly name: string,
  ) {}

  /** Bytes [offset, offset + length), clamped to the end; a refused or short answer is a `MemoryError`. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const [start, end] = clampRead(this.name, this.size, offset, length);
    if (start === end) return new Uint8Array(0);
    const fail = (reason: string) => new MemoryError('file', start, this.name, reason);
    let response: Response;
    try {
      response = await fetch(this.url, { headers: { Range: `bytes=${start}-${end - 1}` } });
    } catch (error) {
      throw fail(`the server did not answer (${error instanceof Error ? error.message : String(error)})`);
    }
    // 206 only: a 200 would be the whole image, which is exactly what must never be read.
    if (response.status !== 206) {
      await response.body?.cancel();
      throw fail(`the server answered HTTP ${response.status} to a range request for ${end - start} bytes`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length !== end - start)
      throw fail(`the server sent ${bytes.length} of the ${end - start} bytes asked for`);
    return bytes;
  }
}
