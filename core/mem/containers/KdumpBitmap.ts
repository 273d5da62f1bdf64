import type { ByteSource } from '../ByteSource';
import { Checkpoint } from '../Checkpoint';
import { MemoryError } from '../MemoryError';
import { readFully } from '../sources/readRange';

/** Bytes per rank block: prefix counts are kept per 32768 bits. */
const RANK_BLOCK_BYTES = 4096;

/** Runs collected before they are handed out. */
const RUN_BATCH = 1024;

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1];

function popcount(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += POPCOUNT[bytes[i]];
  return n;
}

/** A run of set bits [start, end) (page frame numbers). */
export interface BitRun {
  start: number;
  end: number;
}

/**
 * One kdump bitmap (bit `pfn` of byte `pfn >> 3`, least significant bit
 * first), read through a cached source. `rank(pfn)` — set bits before `pfn`,
 * which is the index of the page's descriptor in the 2nd bitmap — uses
 * prefix counts per 4 KiB block, built lazily and only as far as the highest
 * page asked for, so a read never rescans the bitmap.
 */
export class KdumpBitmap {
  /** prefix[k] = set bits in rank blocks 0..k-1; known for k < prefix.length. */
  private readonly prefix: number[] = [0];
  /** The last rank answered, which the next one in address order counts on from. */
  private lastRank: { pfn: number; rank: number } | undefined;
  private extending: Promise<void> | undefined;

  constructor(
    private readonly source: ByteSource,
    private readonly offset: number,
    /** Number of meaningful bits (`max_mapnr`). */
    readonly bits: number,
    private readonly structure: string,
    /** Bytes per sequential read when counting or scanning. */
    private readonly scanBytes: number,
  ) {}

  /** Whether bit `pfn` is set (false past `bits`). */
  async has(pfn: number): Promise<boolean> {
    if (pfn < 0 || pfn >= this.bits) return false;
    const byte = await readFully(this.source, this.offset + Math.floor(pfn / 8), 1, this.structure);
    return ((byte[0] >> (pfn % 8)) & 1) === 1;
  }

  /** Set bits in [0, pfn). */
  async rank(pfn: number): Promise<number> {
    // Reads go page by page in address order: counting on from the last answer keeps a scan
    // linear, where counting from the block start would cost up to 4 KiB of bitmap per page.
    const last = this.lastRank;
    const count =
      last && pfn >= last.pfn && pfn - last.pfn <= RANK_BLOCK_BYTES * 8
        ? last.rank + (await this.countBits(last.pfn, pfn))
        : await this.rankFromBlock(pfn);
    this.lastRank = { pfn, rank: count };
    return count;
  }

  private async rankFromBlock(pfn: number): Promise<number> {
    const bytes = Math.floor(pfn / 8);
    const block = Math.floor(bytes / RANK_BLOCK_BYTES);
    await this.ensurePrefix(block);
    const blockStart = block * RANK_BLOCK_BYTES;
    return this.prefix[block] + (await this.countBits(blockStart * 8, pfn));
  }

  /** Set bits in [from, to). */
  private async countBits(from: number, to: number): Promise<number> {
    if (to <= from) return 0;
    const firstByte = Math.floor(from / 8);
    const lastByte = Math.floor((to - 1) / 8);
    const bytes = await readFully(this.source, this.offset + firstByte, lastByte - firstByte + 1, this.structure);
    const lastIndex = bytes.length - 1;
    const head = bytes[0] & (0xff << (from % 8)) & (lastIndex === 0 ? (1 << (to - lastByte * 8)) - 1 : 0xff);
    if (lastIndex === 0) return POPCOUNT[head];
    return (
      POPCOUNT[head] + popcount(bytes, 1, lastIndex) + POPCOUNT[bytes[lastIndex] & ((1 << (to - lastByte * 8)) - 1)]
    );
  }

  /**
   * Runs of set bits inside [from, to), read sequentially in large chunks.
   * Throws when there are more than `maxRuns` (a fragmented or hostile bitmap).
   */
  async runs(from: number, to: number, maxRuns: number): Promise<BitRun[]> {
    const runs: BitRun[] = [];
    for await (const run of this.setRuns(from, to)) {
      if (runs.length >= maxRuns) {
        throw new MemoryError(
          'file',
          this.offset,
          this.structure,
          `more than ${maxRuns} runs of pages (fragmented or corrupt bitmap)`,
        );
      }
      runs.push(run);
    }
    return runs;
  }

  /**
   * Runs of set bits inside [from, to), one at a time, read sequentially in
   * large chunks; `signal` cancels it between chunks (a bitmap of 8 TiB of
   * 4 KiB pages is 256 MiB).
   */
  async *setRuns(from: number, to: number, signal?: AbortSignal): AsyncGenerator<BitRun> {
    const end = Math.min(to, this.bits);
    const checkpoint = new Checkpoint(signal);
    let runStart = -1;
    for (let chunkStart = Math.floor(from / 8); chunkStart * 8 < end; chunkStart += this.scanBytes) {
      await checkpoint.pass();
      const length = Math.min(this.scanBytes, Math.ceil(end / 8) - chunkStart);
      const chunk = await readFully(this.source, this.offset + chunkStart, length, this.structure);
      const found: BitRun[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        const base = (chunkStart + i) * 8;
        // Whole bytes of 0x00 or 0xff keep the current state: skip bit tests.
        if (byte === 0 && runStart < 0) continue;
        if (byte === 0xff && runStart >= 0) continue;
        for (let bit = 0; bit < 8; bit++) {
          const pfn = base + bit;
          if (pfn < from || pfn >= end) continue;
          if ((byte >> bit) & 1) {
            if (runStart < 0) runStart = pfn;
          } else if (runStart >= 0) {
            found.push({ start: runStart, end: pfn });
            runStart = -1;
          }
        }
        // Handed out in batches: one yield per run would be slow, one per chunk unbounded.
        if (found.length >= RUN_BATCH) {
          yield* found;
          found.length = 0;
        }
      }
      yield* found;
    }
    if (runStart >= 0) yield { start: runStart, end };
  }

  /** Extends the prefix counts to cover `block`, one shared sequential read at a time. */
  private async ensurePrefix(block: number): Promise<void> {
    while (this.prefix.length <= block) {
      if (!this.extending) {
        this.extending = this.extendOnce(block).finally(() => {
          this.extending = undefined;
        });
      }
      await this.extending;
    }
  }

  private async extendOnce(block: number): Promise<void> {
    const known = this.prefix.length - 1;
    const blocksPerRead = Math.max(1, Math.floor(this.scanBytes / RANK_BLOCK_BYTES));
    const count = Math.min(blocksPerRead, block - known);
    const bitmapBytes = Math.ceil(this.bits / 8);
    const start = known * RANK_BLOCK_BYTES;
    const length = Math.max(0, Math.min(count * RANK_BLOCK_BYTES, bitmapBytes - start));
    const chunk = await readFully(this.source, this.offset + start, length, this.structure);
    let total = this.prefix[known];
    for (let k = 0; k < count; k++) {
      total += popcount(chunk, k * RANK_BLOCK_BYTES, Math.min(chunk.length, (k + 1) * RANK_BLOCK_BYTES));
      this.prefix.push(total);
    }
  }
}
