import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes chunks to a stream one after another, waiting for the stream to
 * drain whenever it says its buffer is full, so that text made faster than a
 * pipe reads it is never queued in memory as a whole. Pulls the next chunk
 * only after the last one was accepted (the chunks may come from a generator
 * that makes them on demand).
 */
export async function writeChunks(stream: Writable, chunks: Iterable<Uint8Array | string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}
