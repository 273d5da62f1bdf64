import type { ByteSource } from '../ByteSource';
import type { ImageMemory, PageState } from '../ImageMemory';
import { MemoryError } from '../MemoryError';
import type { PhysRange } from '../PhysicalMemory';
import { RangeList } from '../RangeList';
import { readSourceInto } from '../sources/readRange';

/** A flat physical-memory dump: file byte `i` is physical address `base + i`. */
export class RawMemory implements ImageMemory {
  readonly kind = 'raw';
  private readonly rangeList: RangeList;

  constructor(
    private readonly source: ByteSource,
    readonly base: number,
    readonly pageSize: number,
  ) {
    if (!Number.isSafeInteger(base + source.size)) {
      throw new MemoryError('physical', base, 'raw image', `base 0x${base.toString(16)} plus ${source.size} bytes reaches past 2^53`);
    }
    this.rangeList = new RangeList([{ start: base, end: base + source.size }]);
  }

  get ranges(): readonly PhysRange[] {
    return this.rangeList.ranges;
  }

  /** True when [address, address + length) lies inside the file's span. */
  contains(address: number, length: number): boolean {
    return this.rangeList.contains(address, length);
  }

  /** Bytes at [address, address + length); rejects outside the file's span. */
  async read(address: number, length: number): Promise<Uint8Array> {
    this.rangeList.assertContains(address, length);
    const out = new Uint8Array(length);
    await this.readInto(address, out);
    return out;
  }

  /** Fills `target` with the bytes at `address`, read from the file straight into it; rejects outside the file's span. */
  async readInto(address: number, target: Uint8Array): Promise<void> {
    this.rangeList.assertContains(address, target.length);
    const count = await readSourceInto(this.source, address - this.base, target);
    if (count !== target.length) {
      throw new MemoryError('file', address - this.base, 'raw image', `read ${count} of ${target.length} bytes: the file ended early`);
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
