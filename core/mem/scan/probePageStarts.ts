import { MemoryError } from '../MemoryError';
import type { PhysicalMemory } from '../PhysicalMemory';
import type { ScanProblem } from './RootCandidate';
import type { ScanProgress } from './RootScanOptions';

/** FDT magic as read big-endian from a page start. */
const FDT_MAGIC = 0xd00dfeed;
/** "KHOA" and "NCH1": the two halves of the `KHOANCH1` anchor magic, read big-endian. */
const ANCHOR_MAGIC_HIGH = 0x4b484f41;
const ANCHOR_MAGIC_LOW = 0x4e434831;

/** A page that starts with a magic worth a closer look. */
export interface MagicHit {
  address: number;
  kind: 'fdt' | 'anchor';
}

/** What the page scan found. */
export interface PageScan {
  hits: MagicHit[];
  /** Hits past `maxHits` (counted, not kept). */
  hitsDropped: number;
  problems: ScanProblem[];
  bytesScanned: number;
  totalBytes: number;
}

/** Settings of one page scan. */
export interface PageScanSettings {
  pageSize: number;
  chunkBytes: number;
  maxHits: number;
  /** Reads kept in flight (at least 1). */
  readAhead: number;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
}

/** One planned sequential read. */
interface Chunk {
  address: number;
  length: number;
}

/** A read already started, with its failure captured so it can never be an unhandled rejection. */
type PendingRead = Promise<{ bytes: Uint8Array } | { error: unknown }>;

/**
 * Reads every RAM range of `memory` front to back in large chunks (holes are
 * never read) and looks at the first 8 bytes of each page only: FDT magic or
 * the `KHOANCH1` anchor magic. The next chunks' reads (`readAhead` in all)
 * are started before the current one is examined, so the scan runs at the
 * speed of sequential reading. A chunk that cannot be read is retried page by
 * page (8 bytes each), so one bad page does not hide its neighbours.
 */
export async function probePageStarts(memory: PhysicalMemory, settings: PageScanSettings): Promise<PageScan> {
  const { pageSize, signal } = settings;
  const chunks = planChunks(memory, pageSize, settings.chunkBytes);
  const totalBytes = chunks.reduce((sum, c) => sum + c.length, 0);
  const scan: PageScan = { hits: [], hitsDropped: 0, problems: [], bytesScanned: 0, totalBytes };
  // Keep a few reads in flight: while one chunk is examined the next ones are
  // already being copied, on another core if there is one.
  const inFlight: PendingRead[] = [];
  let next = 0;
  for (let i = 0; i < chunks.length; i++) {
    signal?.throwIfAborted();
    while (next < chunks.length && next < i + settings.readAhead) inFlight.push(startRead(memory, chunks[next++]));
    const result = await (inFlight.shift() as PendingRead);
    const chunk = chunks[i];
    if ('bytes' in result) {
      probeChunk(result.bytes, chunk.address, pageSize, settings.maxHits, scan);
    } else {
      if (!(result.error instanceof MemoryError)) throw result.error;
      await probePagesOneByOne(memory, chunk, pageSize, settings.maxHits, scan);
    }
    scan.bytesScanned += chunk.length;
    settings.onProgress?.({ bytesScanned: scan.bytesScanned, totalBytes });
  }
  return scan;
}

/** Splits each RAM range (from its first page start) into reads of at most `chunkBytes`. */
function planChunks(memory: PhysicalMemory, pageSize: number, chunkBytes: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const range of memory.ranges) {
    const first = Math.ceil(range.start / pageSize) * pageSize;
    for (let address = first; address < range.end; address += chunkBytes) {
      chunks.push({ address, length: Math.min(chunkBytes, range.end - address) });
    }
  }
  return chunks;
}

function startRead(memory: PhysicalMemory, chunk: Chunk): PendingRead {
  return memory.read(chunk.address, chunk.length).then(
    (bytes) => ({ bytes }),
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
    else if (word === ANCHOR_MAGIC_HIGH && view.getUint32(offset + 4, false) === ANCHOR_MAGIC_LOW) addHit(scan, address + offset, 'anchor', maxHits);
  }
}

/** The slow path for a chunk that failed as a whole: 8 bytes per page, unreadable pages reported. */
async function probePagesOneByOne(memory: PhysicalMemory, chunk: Chunk, pageSize: number, maxHits: number, scan: PageScan): Promise<void> {
  let failedFrom = -1;
  const end = chunk.address + chunk.length;
  for (let page = chunk.address; page < end; page += pageSize) {
    let head: Uint8Array | undefined;
    try {
      head = await memory.read(page, Math.min(8, end - page));
    } catch (error) {
      if (!(error instanceof MemoryError)) throw error;
    }
    if (head === undefined) {
      if (failedFrom < 0) failedFrom = page;
      continue;
    }
    if (failedFrom >= 0) reportUnreadable(scan, failedFrom, page);
    failedFrom = -1;
    probeChunk(head, page, pageSize, maxHits, scan);
  }
  if (failedFrom >= 0) reportUnreadable(scan, failedFrom, end);
}

function reportUnreadable(scan: PageScan, start: number, end: number): void {
  scan.problems.push({ address: start, message: `[0x${start.toString(16)}, 0x${end.toString(16)}) could not be read and was not scanned` });
}

function addHit(scan: PageScan, address: number, kind: MagicHit['kind'], maxHits: number): void {
  if (scan.hits.length < maxHits) scan.hits.push({ address, kind });
  else if (scan.hitsDropped++ === 0) scan.problems.push({ address, message: `more than ${maxHits} pages start with a magic; this one and later ones are ignored` });
}
