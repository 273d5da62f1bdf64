import type { Inflater } from './Inflater';

/**
 * `Inflater` over the web-platform `DecompressionStream('deflate')` (zlib
 * format), present in browsers, Web Workers and Node 18+. Output is read chunk
 * by chunk and the stream is cancelled once it passes the bound.
 */
export class WebStreamInflater implements Inflater {
  /** Inflates `data`, rejecting when the output passes `maxOutput` bytes. */
  async inflate(data: Uint8Array, maxOutput: number): Promise<Uint8Array> {
    const stream = new DecompressionStream('deflate');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    // Copy into a fresh ArrayBuffer-backed array: the stream requires one.
    const input = new Uint8Array(data);
    // Write errors also surface through the reader, which is what we await.
    const writing = writer
      .write(input)
      .then(() => writer.close())
      .catch(() => undefined);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxOutput) {
        await reader.cancel().catch(() => undefined);
        throw new Error(`inflated data exceeds ${maxOutput} bytes`);
      }
      chunks.push(value);
    }
    await writing;
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}
