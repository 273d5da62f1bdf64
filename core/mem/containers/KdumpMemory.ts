import type { ByteSource } from '../ByteSource';
import type { PageDecompressor } from '../compression/PageDecompressor';
import type { PageState } from '../ImageMemory';
import { MemoryError } from '../MemoryError';
import type { PhysRange } from '../PhysicalMemory';
import type { RangeList } from '../RangeList';
import { LruCache } from '../sources/LruCache';
import { readFully } from '../sources/readRange';
import { awaitEveryRead } from './awaitEveryRead';
import { RangeListMemory } from './RangeListMemory';
import type { BitRun, KdumpBitmap } from './KdumpBitmap';
import type { KdumpLayout } from './KdumpHeader';

const DESCRIPTOR_SIZE = 24;

/**
 * Physical memory of a kdump-compressed file. A page is in RAM when its bit
 * is set in the 1st bitmap; it has data when also set in the 2nd bitmap, and
 * its descriptor is the rank of its bit among the 2nd bitmap's set bits.
 * Pages in RAM but not dumped read as zero (state `excluded`). Decoded pages
 * are cached by data offset (QEMU points every zero page at one copy).
 */
export class KdumpMemory extends RangeListMemory {
  readonly kind = 'kdump';
  readonly pageSize: number;
  private readonly decoded: LruCache<string, Promise<Uint8Array>>;

  constructor(
    private readonly source: ByteSource,
    private readonly layout: KdumpLayout,
    private readonly ram: KdumpBitmap,
    private readonly dumped: KdumpBitmap,
    rangeList: RangeList,
    private readonly decompressor: PageDecompressor,
    decodedPages: number,
  ) {
    super(rangeList);
    this.pageSize = layout.blockSize;
    this.decoded = new LruCache(decodedPages * layout.blockSize);
  }

  /**
   * Fills `target` with the bytes at `address`: each page decoded (or taken
   * from the decoded-page cache) and copied into place, excluded pages set to
   * zero. Rejects for holes.
   */
  async readInto(address: number, target: Uint8Array): Promise<void> {
    this.rangeList.assertContains(address, target.length);
    const size = this.pageSize;
    const end = address + target.length;
    const copies: Promise<void>[] = [];
    for (let page = address - (address % size); page < end; page += size) {
      const from = Math.max(address, page);
      const to = Math.min(end, page + size);
      copies.push(
        this.page(page / size).then((bytes) => {
          if (bytes) target.set(bytes.subarray(from - page, to - page), from - address);
          else target.fill(0, from - address, to - address);
        }),
      );
    }
    await awaitEveryRead(copies);
  }

  /** `stored`, `excluded` (in RAM, not dumped) or `hole`. */
  async pageState(address: number): Promise<PageState> {
    if (!Number.isSafeInteger(address) || address < 0) return 'hole';
    const pfn = Math.floor(address / this.pageSize);
    if (!(await this.ram.has(pfn))) return 'hole';
    return (await this.dumped.has(pfn)) ? 'stored' : 'excluded';
  }

  /**
   * The parts of `within` whose pages the file really stores, found by one
   * sequential pass over that part of the 2nd bitmap: pages left out of the
   * dump read as zeros and are skipped. So are dumped pages outside RAM
   * (1st bitmap), which `readInto` refuses, and dumped pages whose
   * descriptors lie past the end of the file (a truncated dump): reading
   * them would fail page by page.
   */
  async *storedRuns(within: PhysRange, signal?: AbortSignal): AsyncGenerator<PhysRange> {
    const size = this.pageSize;
    const fromPfn = Math.floor(within.start / size);
    const toPfn = Math.ceil(within.end / size);
    const described = this.descriptorsInFile();
    let rank = await this.dumped.rank(fromPfn);
    for await (const run of this.dumped.setRuns(fromPfn, toPfn, signal)) {
      if (rank >= described) return;
      const endPfn = Math.min(run.end, run.start + (described - rank));
      rank += run.end - run.start;
      const start = Math.max(within.start, run.start * size);
      const end = Math.min(within.end, endPfn * size);
      if (start < end) yield* this.rangeList.clip(start, end);
    }
  }

  /** How many page descriptors the file holds: the table runs from `descriptorsOffset` to the end of the file at most. */
  descriptorsInFile(): number {
    return Math.max(0, Math.floor((this.source.size - this.layout.descriptorsOffset) / DESCRIPTOR_SIZE));
  }

  /**
   * Runs of dumped pages (2nd bitmap) inside page frames [fromPfn, toPfn),
   * read sequentially: for export, which needs every page's state.
   */
  dumpedRuns(fromPfn: number, toPfn: number, maxRuns: number): Promise<BitRun[]> {
    return this.dumped.runs(fromPfn, toPfn, maxRuns);
  }

  /** The decoded page `pfn`, or null when it is excluded (reads as zero). */
  private async page(pfn: number): Promise<Uint8Array | null> {
    if (!(await this.dumped.has(pfn))) return null;
    const index = await this.dumped.rank(pfn);
    const at = this.layout.descriptorsOffset + index * DESCRIPTOR_SIZE;
    const address = pfn * this.pageSize;
    // Named only when something is wrong: this runs for every page read.
    const structure = () => `kdump page descriptor ${index} (page 0x${address.toString(16)})`;
    const desc = await readFully(this.source, at, DESCRIPTOR_SIZE, structure);
    const view = new DataView(desc.buffer, desc.byteOffset, DESCRIPTOR_SIZE);
    const little = this.layout.littleEndian;
    // The u64 data offset as two halves, not a BigInt: no BigInt is made per page.
    // A high half of 2^21 or more (offset >= 2^53) lies past any file, and is only formatted for that error.
    const high = view.getUint32(little ? 4 : 0, little);
    const low = view.getUint32(little ? 0 : 4, little);
    const size = view.getUint32(8, little);
    const flags = view.getUint32(12, little);
    if (size === 0 || size > this.pageSize) {
      throw new MemoryError(
        'file',
        at,
        structure(),
        `stored size ${size} is not between 1 and the ${this.pageSize}-byte page size`,
      );
    }
    const dataOffset = high * 2 ** 32 + low;
    if (high >= 2 ** 21 || dataOffset + size > this.source.size) {
      const offset = view.getBigUint64(0, little);
      throw new MemoryError(
        'file',
        at,
        structure(),
        `data [0x${offset.toString(16)}, +${size}) lies past the end of the file (truncated or incomplete dump)`,
      );
    }
    const key = `${dataOffset}:${size}:${flags}`;
    const cached = this.decoded.get(key);
    if (cached) return cached;
    const decoding = readFully(this.source, dataOffset, size, structure).then((data) =>
      this.decompressor.decode(data, flags, { fileOffset: dataOffset, address }),
    );
    this.decoded.set(key, decoding, this.pageSize);
    decoding.catch(() => this.decoded.delete(key));
    return decoding;
  }
}
