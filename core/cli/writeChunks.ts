import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Checkpoint } from '../mem/Checkpoint';

/**
 * Writes chunks to a stream one after another, waiting for the stream to
 * drain whenever it says its buffer is full, so that text made faster than a
 * pipe reads it is never queued in memory as a whole. Pulls the next chunk
 * only after the last one was accepted (the chunks may come from a generator
 * that makes them on demand). Between chunks the event loop gets in every
 * 16 ms (`Checkpoint`): stdout to a file or a pipe is written synchronously
 * on Linux, so without it Ctrl-C could not stop a long render.
 */
export async function writeChunks(stream: Writable, chunks: Iterable<Uint8Array | string>): Promise<void> {
  for await (const chunk of new Checkpoint().each(chunks)) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}
