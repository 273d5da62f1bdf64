import type { ImageMemory, PageState } from '../ImageMemory';
import type { PhysRange } from '../PhysicalMemory';
import type { RangeList } from '../RangeList';

/**
 * What every file-backed container shares: its RAM ranges in a `RangeList`,
 * `contains` answered from them, and `read` as `readInto` a fresh array. A
 * container supplies only how bytes reach a caller's buffer and what state
 * a page is in.
 */
export abstract class RangeListMemory implements ImageMemory {
  abstract readonly kind: string;
  abstract readonly pageSize: number;

  protected constructor(protected readonly rangeList: RangeList) {}

  get ranges(): readonly PhysRange[] {
    return this.rangeList.ranges;
  }

  /** True when every byte of [address, address + length) is inside the image's RAM. */
  contains(address: number, length: number): boolean {
    return this.rangeList.contains(address, length);
  }

  /** Bytes at [address, address + length); rejects for holes. */
  async read(address: number, length: number): Promise<Uint8Array> {
    this.rangeList.assertContains(address, length);
    const out = new Uint8Array(length);
    await this.readInto(address, out);
    return out;
  }

  /** Fills `target` with the bytes at `address`; rejects for holes. */
  abstract readInto(address: number, target: Uint8Array): Promise<void>;

  /** What the image holds for the page containing `address`. */
  abstract pageState(address: number): Promise<PageState>;
}
