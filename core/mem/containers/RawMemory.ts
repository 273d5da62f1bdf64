import type { ByteSource } from '../ByteSource';
import type { PageState } from '../ImageMemory';
import { MemoryError } from '../MemoryError';
import { RangeList } from '../RangeList';
import { readSourceInto } from '../sources/readRange';
import { RangeListMemory } from './RangeListMemory';

/** A flat physical-memory dump: file byte `i` is physical address `base + i`. */
export class RawMemory extends RangeListMemory {
  readonly kind = 'raw';

  constructor(
    private readonly source: ByteSource,
    readonly base: number,
    readonly pageSize: number,
  ) {
    if (!Number.isSafeInteger(base + source.size)) {
      throw new MemoryError(
        'physical',
        base,
        'raw image',
        `base 0x${base.toString(16)} plus ${source.size} bytes reaches past 2^53`,
      );
    }
    super(new RangeList([{ start: base, end: base + source.size }]));
  }

  /** Fills `target` with the bytes at `address`, read from the file straight into it; rejects outside the file's span. */
  async readInto(address: number, target: Uint8Array): Promise<void> {
    this.rangeList.assertContains(address, target.length);
    const count = await readSourceInto(this.source, address - this.base, target);
    if (count !== target.length) {
      throw new MemoryError(
        'file',
        address - this.base,
        'raw image',
        `read ${count} of ${target.length} bytes: the file ended early`,
      );
    }
  }

  /** `stored` inside the file, `hole` outside, `mixed` for a last partial page. */
  async pageState(address: number): Promise<PageState> {
    const start = address - (address % this.pageSize);
    const end = start + this.pageSize;
    const from = Math.max(start, this.base);
    const to = Math.min(end, this.base + this.source.size);
    if (to <= from) return 'hole';
    return to - from === this.pageSize ? 'stored' : 'mixed';
  }
}
