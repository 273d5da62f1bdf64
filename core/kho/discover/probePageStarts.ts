import { MemoryError } from '../../mem/MemoryError';
import { Checkpoint } from '../../mem/Checkpoint';
import { readMemoryInto, type PhysicalMemory } from '../../mem/PhysicalMemory';
import { emptyPageScan, type MagicHit, type PageScan, type PageScanSettings } from './PageScan';
import { ChunkBuffers } from './ChunkBuffers';
import { pageStartSpans, storedPageStarts, type StoredSpan } from './storedPageStarts';

/** FDT magic as read big-endian from a page start. */
const FDT_MAGIC = 0xd00dfeed;
/** "KHOA" and "NCH1": the two halves of the `KHOANCH1` anchor magic, read big-endian. */
const ANCHOR_MAGIC_HIGH = 0x4b484f41;
const ANCHOR_MAGIC_LOW = 0x4e434831;

/** One planned sequential read. */
interface Chunk {
  address: number;
  length: number;
  /** Bytes of RAM (read or skipped) done once this chunk is: progress. */
  doneAtEnd: number;
}

/** A read already started, with its failure captured so it can never be an unhandled rejection. */
type PendingRead = Promise<{ bytes: Uint8Array } | { error: unknown }>;

/**
 * Reads every RAM range of `memory` (or the part of it inside
 * `settings.within`) front to back in large chunks (holes are never read,
 * nor RAM the image declares without storing it: see `storedPageStarts`) and looks at the first 4 bytes of each page (4 more only after
 * "KHOA"): FDT magic or the `KHOANCH1` anchor magic. The next chunks' reads
 * (`readAhead` in all) are started before the current one is examined, so the
 * scan runs at the speed of sequential reading. The chunks are read into
 * `readAhead` recycled buffers (`ChunkBuffers`: each made when first needed,
 * no larger than the chunks it has served), so a small image costs a few KiB
 * and a multi-GiB scan allocates no chunk memory per chunk, nothing per
 * page, and its memory stays flat. A chunk that cannot be read is retried page by page (8 bytes each),
 * so one bad page does not hide its neighbours.
 */
export async function probePageStarts(memory: PhysicalMemory, settings: PageScanSettings): Promise<PageScan> {
  const { pageSize, signal } = settings;
  signal?.throwIfAborted();
  const spans = pageStartSpans(memory, pageSize, settings.within);
  const totalBytes = spans.reduce((sum, s) => sum + (s.end - s.start), 0);
  const scan = emptyPageScan(totalBytes);
  const buffers = new ChunkBuffers(settings.readAhead, settings.chunkBytes);
  const chunks = planChunks(storedPageStarts(memory, pageSize, settings.within, signal), settings.chunkBytes);
  const checkpoint = new Checkpoint(signal);
  // Keep a few reads in flight: while one chunk is examined the next ones are
  // already being copied, on another core if there is one. Chunk k always
  // uses buffer k mod readAhead, which is free again once chunk k − readAhead
  // has been examined.
  const inFlight: Array<{ chunk: Chunk; pending: PendingRead }> = [];
  let started = 0;
  let bytesRead = 0;
  const startNext = async (): Promise<void> => {
    const next = await chunks.next();
    if (next.done) return;
    const buffer = buffers.take(started++ % settings.readAhead, next.value.length);
    inFlight.push({ chunk: next.value, pending: startRead(memory, next.value, buffer) });
  };
  for (let k = 0; k < settings.readAhead; k++) await startNext();
  for (let current = inFlight.shift(); current !== undefined; current = inFlight.shift()) {
    await checkpoint.pass();
    const { chunk } = current;
    const result = await current.pending;
    if ('bytes' in result) {
      probeChunk(result.bytes, chunk.address, pageSize, settings.maxHits, scan);
    } else {
      if (!(result.error instanceof MemoryError)) throw result.error;
      await probePagesOneByOne(memory, chunk, pageSize, settings.maxHits, scan);
    }
    await startNext();
    bytesRead += chunk.length;
    scan.bytesScanned = chunk.doneAtEnd;
    settings.onProgress?.({ bytesScanned: scan.bytesScanned, totalBytes });
  }
  scan.bytesSkipped = totalBytes - bytesRead;
  if (scan.bytesScanned < totalBytes) {
    // RAM after the last stored page start was skipped unread: it is done too.
    scan.bytesScanned = totalBytes;
    settings.onProgress?.({ bytesScanned: totalBytes, totalBytes });
  }
  return scan;
}

/** Splits the stored page starts into reads of at most `chunkBytes`, lazily (a huge image never lists its chunks). */
async function* planChunks(spans: AsyncIterable<StoredSpan>, chunkBytes: number): AsyncGenerator<Chunk> {
  for await (const span of spans) {
    for (let address = span.start; address < span.end; address += chunkBytes) {
      const length = Math.min(chunkBytes, span.end - address);
      yield { address, length, doneAtEnd: span.doneAtEnd - (span.end - address - length) };
    }
  }
}

/** Starts reading `chunk` into the front of `buffer`. */
function startRead(memory: PhysicalMemory, chunk: Chunk, buffer: Uint8Array): PendingRead {
  const bytes = buffer.subarray(0, chunk.length);
  return readMemoryInto(memory, chunk.address, bytes).then(
    () => ({ bytes }),
    (error: unknown) => ({ error }),
  );
}

/** Checks the page starts inside one chunk that starts at a page boundary. */
function probeChunk(bytes: Uint8Array, address: number, pageSize: number, maxHits: number, scan: PageScan): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const last = bytes.length - 8;
  for (let offset = 0; offset <= last; offset += pageSize) {
    const word = view.getUint32(offset, false);
    if (word === FDT_MAGIC) addHit(scan, address + offset, 'fdt', maxHits);
    else if (word === ANCHOR_MAGIC_HIGH && view.getUint32(offset + 4, false) === ANCHOR_MAGIC_LOW)
      addHit(scan, address + offset, 'anchor', maxHits);
  }
}

/** The slow path for a chunk that failed as a whole: 8 bytes per page, unreadable pages reported. */
async function probePagesOneByOne(
  memory: PhysicalMemory,
  chunk: Chunk,
  pageSize: number,
  maxHits: number,
  scan: PageScan,
): Promise<void> {
  let failedFrom = -1;
  const end = chunk.address + chunk.length;
  const head = new Uint8Array(8);
  for (let page = chunk.address; page < end; page += pageSize) {
    const bytes = head.subarray(0, Math.min(8, end - page));
    try {
      await readMemoryInto(memory, page, bytes);
    } catch (error) {
      if (!(error instanceof MemoryError)) throw error;
      if (failedFrom < 0) failedFrom = page;
      continue;
    }
    if (failedFrom >= 0) reportUnreadable(scan, failedFrom, page);
    failedFrom = -1;
    probeChunk(bytes, page, pageSize, maxHits, scan);
  }
  if (failedFrom >= 0) reportUnreadable(scan, failedFrom, end);
}

function reportUnreadable(scan: PageScan, start: number, end: number): void {
  scan.problems.push({
    address: start,
    message: `[0x${start.toString(16)}, 0x${end.toString(16)}) could not be read and was not scanned`,
  });
}

function addHit(scan: PageScan, address: number, kind: MagicHit['kind'], maxHits: number): void {
  if (scan.hits.length < maxHits) scan.hits.push({ address, kind });
  else if (scan.hitsDropped++ === 0) scan.firstDroppedAt = address;
}
