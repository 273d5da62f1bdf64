import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { readU64Number, u64Hex } from '../../bytes/bitMath';
import { hex } from '../../bytes/readers';
import { checkKhoPageSize } from './checkKhoPageSize';
import { chooseChunkBitmapSize, type ChunkEntry } from './chooseChunkBitmapSize';
import { bitmapSpan, CHUNK_PAGE, chunkCapacity, chunkEntryOffset, SMALL_BITMAP_BYTES } from './chunkListLayout';
import { mapLimits, type MapDecodeOptions, type MapLimits } from './MapDecodeOptions';
import { ProblemLog } from './MapProblem';
import { MapPageReader } from './MapPageReader';
import { PreservedMemoryMap } from './PreservedMemoryMap';
import { OrderedRangeAccumulator } from './OrderedRangeAccumulator';
import { reportRangesOutsideRam } from './reportRangesOutsideRam';
import { scanBitmap } from './scanBitmap';

/**
 * Decodes a `kho-v1` chunk list (kho-format.md §2.1) starting at `head`.
 * First walks the chunk pages (bounded, cycle-checked) and collects their
 * entries, then decides the bitmap size from all entries at once (or takes
 * the override), then reads every bitmap.
 */
export async function decodeChunkList(
  memory: PhysicalMemory,
  head: number,
  options: MapDecodeOptions = {},
): Promise<PreservedMemoryMap> {
  const pageSize = options.pageSize ?? memory.pageSize;
  const pageShift = checkKhoPageSize(pageSize, 'chunk list');
  const limits = mapLimits(options);
  const problems = new ProblemLog(limits.maxProblems);
  const reader = new MapPageReader(memory, pageSize, problems, options.signal, options.onProgress);

  const walk = await readChunks(reader, head, pageShift, limits, problems);
  const choice = chooseChunkBitmapSize(walk.entries, pageSize, options.chunkBitmapBytes);
  const ranges = new OrderedRangeAccumulator();
  const blocksPerOrder: number[] = [];
  let stopped = walk.stopped;
  const bits = choice.bitmapBytes * 8;
  const alignment = choice.bitmapBytes === SMALL_BITMAP_BYTES ? 8 : pageSize;
  for (const entry of walk.entries) {
    const bitmap = await reader.read(entry.bitmap, choice.bitmapBytes, alignment, 'bitmap', entry.at);
    if (bitmap === null) continue;
    const span = bitmapSpan(pageSize, choice.bitmapBytes, entry.order);
    if (entry.physStart % span !== 0) {
      problems.add(
        entry.at,
        'chunk entry',
        `phys_start ${hex(entry.physStart)} is not a multiple of ${hex(span)}, the span of one bitmap; the kernel always writes multiples`,
      );
    }
    const scan = scanBitmap(bitmap, bits, entry.physStart, pageSize * 2 ** entry.order, ranges.forOrder(entry.order));
    if (scan.blocks > 0) {
      while (blocksPerOrder.length <= entry.order) blocksPerOrder.push(0);
      blocksPerOrder[entry.order] += scan.blocks;
      reader.blocks += scan.blocks;
    }
    if (scan.beyondLimit > 0) {
      problems.add(
        entry.bitmap,
        'bitmap',
        `${scan.beyondLimit} order-${entry.order} blocks lie above 2^53 and are not shown`,
      );
    }
    if (reader.blocks > limits.maxBlocks) {
      problems.add(
        entry.bitmap,
        'bitmap',
        `more than ${limits.maxBlocks} preserved blocks; decoding stopped after this bitmap`,
      );
      stopped = true;
      break;
    }
  }
  reader.reportProgress();
  const found = ranges.finish();
  reportRangesOutsideRam(found.ranges, memory.ranges, problems);
  return new PreservedMemoryMap({
    encoding: 'chunk-list',
    address: head,
    pageSize,
    status: stopped ? 'partial' : 'complete',
    details: {
      encoding: 'chunk-list',
      chunks: walk.chunks,
      bitmaps: walk.entries.length,
      bitmapBytes: choice.bitmapBytes,
      bitmapReason: choice.reason,
    },
    metadataPages: reader.metadataPages(),
    blocksPerOrder,
    ranges: found.ranges,
    rangesByOrder: found.rangesByOrder,
    problems: problems.problems,
    droppedProblems: problems.dropped,
  });
}

/** The chunk pages' contents. */
interface ChunkWalk {
  entries: ChunkEntry[];
  chunks: number;
  stopped: boolean;
}

/** Follows the `next` pointers from `head`, collecting every entry. */
async function readChunks(
  reader: MapPageReader,
  head: number,
  pageShift: number,
  limits: MapLimits,
  problems: ProblemLog,
): Promise<ChunkWalk> {
  const pageSize = reader.pageSize;
  const capacity = chunkCapacity(pageSize);
  const entries: ChunkEntry[] = [];
  const visited = new Set<number>();
  let address = head;
  let referrer = head;
  let chunks = 0;
  while (address !== 0) {
    if (visited.has(address)) {
      problems.add(
        referrer,
        'chunk page',
        `next pointer leads back to chunk ${hex(address)}: the list has a cycle; stopped there`,
      );
      break;
    }
    if (visited.size >= limits.maxChunks) {
      problems.add(address, 'chunk page', `more than ${limits.maxChunks} chunk pages; the walk stopped here`);
      return { entries, chunks, stopped: true };
    }
    visited.add(address);
    const page = await reader.read(address, pageSize, pageSize, 'chunk page', referrer);
    if (page === null) break;
    chunks++;
    const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
    const order = view.getUint32(CHUNK_PAGE.order, true);
    let count = view.getUint32(CHUNK_PAGE.count, true);
    if (count > capacity) {
      problems.add(
        address,
        'chunk page',
        `num_elms ${count} is more than the ${capacity} entries a chunk page holds; only ${capacity} read`,
      );
      count = capacity;
    }
    // A block of 2^order pages must fit in 64-bit addresses.
    if (order >= 64 - pageShift) {
      problems.add(
        address,
        'chunk page',
        `order ${order} is impossible for ${pageSize}-byte pages; the chunk's entries are skipped`,
      );
      count = 0;
    }
    if (entries.length + count > limits.maxBitmaps) {
      problems.add(address, 'chunk page', `more than ${limits.maxBitmaps} bitmaps; the walk stopped here`);
      return { entries, chunks, stopped: true };
    }
    for (let i = 0; i < count; i++) {
      const offset = chunkEntryOffset(i);
      const at = address + offset;
      const physAt = offset + CHUNK_PAGE.entry.physStart;
      const bitmapAt = offset + CHUNK_PAGE.entry.bitmap;
      const physStart = readU64Number(view, physAt);
      const bitmap = readU64Number(view, bitmapAt);
      if (physStart === null) {
        problems.add(at, 'chunk entry', `phys_start ${u64Hex(view, physAt)} is above 2^53; entry skipped`);
      } else if (bitmap === null || bitmap === 0) {
        problems.add(
          at,
          'chunk entry',
          `bitmap pointer ${u64Hex(view, bitmapAt)} is not a usable address; entry skipped`,
        );
      } else {
        entries.push({ at, order, physStart, bitmap });
      }
    }
    const next = readU64Number(view, CHUNK_PAGE.next);
    if (next === null) {
      problems.add(
        address,
        'chunk page',
        `next pointer ${u64Hex(view, CHUNK_PAGE.next)} is above 2^53; the list ends here`,
      );
      break;
    }
    referrer = address;
    address = next;
  }
  return { entries, chunks, stopped: false };
}
