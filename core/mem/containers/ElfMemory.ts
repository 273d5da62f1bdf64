import type { ByteSource } from '../ByteSource';
import type { PageState } from '../ImageMemory';
import type { PhysRange } from '../PhysicalMemory';
import { firstRangeEndingAfter } from '../physRanges';
import { RangeList } from '../RangeList';
import type { OwnedPiece } from '../resolveOverlaps';
import { readFullyInto } from '../sources/readRange';
import { awaitEveryRead } from './awaitEveryRead';
import { RangeListMemory } from './RangeListMemory';

/** A validated `PT_LOAD` segment, addresses and sizes as safe numbers. */
export interface LoadSegment {
  /** Index in the program header table. */
  index: number;
  paddr: number;
  memsz: number;
  filesz: number;
  offset: number;
}

/**
 * Physical memory of an ELF core: the disjoint pieces that won overlap
 * resolution, each served from its segment's file bytes, with the
 * `p_filesz`..`p_memsz` tail reading as zero.
 */
export class ElfMemory extends RangeListMemory {
  readonly kind = 'elf';

  constructor(
    private readonly source: ByteSource,
    private readonly segments: readonly LoadSegment[],
    private readonly pieces: readonly OwnedPiece[],
    readonly pageSize: number,
  ) {
    super(new RangeList(pieces));
  }

  /**
   * Bytes at [address, address + length); rejects for holes. The fresh array
   * is zeros already, so zero-fill tails cost nothing here: a blob that
   * claims 16 MiB of `p_memsz` beyond `p_filesz` is not written page by page.
   */
  override async read(address: number, length: number): Promise<Uint8Array> {
    this.rangeList.assertContains(address, length);
    const out = new Uint8Array(length);
    await this.copy(address, out, true);
    return out;
  }

  /**
   * Fills `target` with the bytes at `address`: each piece's stored bytes are
   * read from the file straight into their place, `p_filesz`..`p_memsz`
   * tails are set to zero. Rejects for holes.
   */
  async readInto(address: number, target: Uint8Array): Promise<void> {
    this.rangeList.assertContains(address, target.length);
    await this.copy(address, target, false);
  }

  /** `readInto`, leaving zero-fill tails alone when `target` is known to hold zeros. */
  private async copy(address: number, target: Uint8Array, zeroed: boolean): Promise<void> {
    const end = address + target.length;
    const reads: Promise<void>[] = [];
    for (
      let k = firstRangeEndingAfter(this.pieces, address);
      k < this.pieces.length && this.pieces[k].start < end;
      k++
    ) {
      const piece = this.pieces[k];
      const from = Math.max(address, piece.start);
      const to = Math.min(end, piece.end);
      const segment = this.segments[piece.owner];
      const storedEnd = Math.max(from, Math.min(to, segment.paddr + segment.filesz));
      if (from < storedEnd) {
        const fileOffset = segment.offset + (from - segment.paddr);
        reads.push(
          readFullyInto(
            this.source,
            fileOffset,
            target.subarray(from - address, storedEnd - address),
            'ELF segment data',
          ),
        );
      }
      if (!zeroed) target.fill(0, storedEnd - address, to - address);
    }
    await awaitEveryRead(reads);
  }

  /**
   * The parts of `within` that segments store in the file: each piece cut
   * to its segment's `p_filesz`. The zero-fill tails are left out.
   */
  async *storedRuns(within: PhysRange): AsyncGenerator<PhysRange> {
    for (
      let k = firstRangeEndingAfter(this.pieces, within.start);
      k < this.pieces.length && this.pieces[k].start < within.end;
      k++
    ) {
      const piece = this.pieces[k];
      const segment = this.segments[piece.owner];
      const start = Math.max(within.start, piece.start);
      const end = Math.min(within.end, piece.end, segment.paddr + segment.filesz);
      if (start < end) yield { start, end };
    }
  }

  /** Where the page containing `address` gets its bytes. */
  async pageState(address: number): Promise<PageState> {
    const start = address - (address % this.pageSize);
    const end = start + this.pageSize;
    let stored = 0;
    let zero = 0;
    for (let k = firstRangeEndingAfter(this.pieces, start); k < this.pieces.length && this.pieces[k].start < end; k++) {
      const piece = this.pieces[k];
      const from = Math.max(start, piece.start);
      const to = Math.min(end, piece.end);
      if (to <= from) continue;
      const segment = this.segments[piece.owner];
      const storedEnd = Math.max(from, Math.min(to, segment.paddr + segment.filesz));
      stored += storedEnd - from;
      zero += to - storedEnd;
    }
    if (stored + zero === 0) return 'hole';
    if (stored + zero < this.pageSize) return 'mixed';
    return zero === 0 ? 'stored' : stored === 0 ? 'zero-fill' : 'mixed';
  }
}
