import { BlobSource } from '../sources/BlobSource';
import { EXPORT_CHUNK_BYTES, partChunks } from './exportChunks';
import type { ExportFile } from './ExportPlan';

/** Bytes of produced chunks held in JS memory before they are sealed into a Blob. */
const SEAL_BYTES = 32 << 20;

/**
 * The exported file as a `Blob` (for a browser download). Unchanged slices of
 * a `BlobSource` stay `blob.slice()` references, so the browser never loads
 * them; other parts are produced chunk by chunk and sealed into intermediate
 * Blobs every 32 MiB, so a multi-GiB decoded kdump never sits in the JS heap
 * (browsers keep large Blob data in their own storage, on disk if needed).
 */
export async function exportFileToBlob(file: ExportFile, type = 'application/octet-stream'): Promise<Blob> {
  const sealed: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const seal = () => {
    if (pending.length > 0) sealed.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  const zeros = new Uint8Array(EXPORT_CHUNK_BYTES);
  for (const part of file.parts) {
    if (part.kind === 'source' && part.source instanceof BlobSource) {
      seal();
      sealed.push(part.source.blob.slice(part.offset, part.offset + part.length));
      continue;
    }
    for await (const chunk of partChunks(part, EXPORT_CHUNK_BYTES, zeros)) {
      // Copy: chunks may be views into caches or the shared zero buffer.
      pending.push(new Uint8Array(chunk));
      pendingBytes += chunk.length;
      if (pendingBytes >= SEAL_BYTES) seal();
    }
  }
  seal();
  return new Blob(sealed, { type });
}
