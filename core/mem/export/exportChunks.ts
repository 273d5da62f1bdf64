import { MemoryError } from '../MemoryError';
import type { ExportFile, ExportPart } from './ExportPlan';

/** Default bytes per chunk when streaming an export. */
export const EXPORT_CHUNK_BYTES = 1 << 20;

/**
 * The bytes of an exported file, chunk by chunk (at most `chunkBytes` each):
 * source slices are read, memory parts decoded, zero runs produced, so a
 * multi-GiB export streams through a small buffer. Yielded arrays may be
 * reused views: consume each before asking for the next.
 */
export async function* exportChunks(file: ExportFile, chunkBytes = EXPORT_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const zeros = new Uint8Array(Math.min(chunkBytes, 1 << 20));
  for (const part of file.parts) yield* partChunks(part, chunkBytes, zeros);
}

/** Chunks of one part. */
export async function* partChunks(part: ExportPart, chunkBytes: number, zeros: Uint8Array): AsyncGenerator<Uint8Array> {
  switch (part.kind) {
    case 'bytes':
      yield part.bytes;
      return;
    case 'zeros':
      for (let done = 0; done < part.length; done += zeros.length)
        yield zeros.subarray(0, Math.min(zeros.length, part.length - done));
      return;
    case 'source':
      for (let done = 0; done < part.length; done += chunkBytes) {
        const length = Math.min(chunkBytes, part.length - done);
        const bytes = await part.source.read(part.offset + done, length);
        if (bytes.length !== length) {
          throw new MemoryError(
            'file',
            part.offset + done,
            `export source ${part.source.name}`,
            `read ${bytes.length} of ${length} bytes: the original file changed or shrank`,
          );
        }
        yield bytes;
      }
      return;
    case 'memory':
      for (let done = 0; done < part.length; done += chunkBytes)
        yield await part.memory.read(part.address + done, Math.min(chunkBytes, part.length - done));
      return;
  }
}
