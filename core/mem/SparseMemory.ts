import type { ImageMemory, PageState } from './ImageMemory';
import { MemoryError } from './MemoryError';
import type { PhysRange } from './PhysicalMemory';

/**
 * Physical memory held in a map of pages: the image model for building and
 * testing (demo images, synthetic test images, edits before export). RAM
 * ranges are declared up front; pages never written read as zero.
 */
export class SparseMemory implements ImageMemory {
  readonly kind = 'sparse';
  readonly pageSize: number;
  readonly ranges: readonly PhysRange[];
  private readonly pages = new Map<number, Uint8Array>();

  /** `ranges` need not be sorted; they must not overlap and must be page-aligned. */
  constructor(pageSize: number, ranges: PhysRange[]) {
    if (!Number.isInteger(Math.log2(pageSize)) || pageSize < 512) {
      throw new MemoryError('physical', 0, 'sparse memory', `page size ${pageSize} is not a power of two ≥ 512`);
    }
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    for (let i = 0; i < sorted.length; i++) {
      const r = sorted[i];
      if (r.start % pageSize !== 0 || r.end % pageSize !== 0 || r.end <= r.start) {
        throw new MemoryError('physical', r.start, 'sparse memory', 'RAM range is empty or not page-aligned');
      }
      if (i > 0 && sorted[i - 1].end > r.start) {
        throw new MemoryError('physical', r.start, 'sparse memory', 'RAM ranges overlap');
      }
    }
    this.pageSize = pageSize;
    this.ranges = sorted;
  }

  /** True when every byte of [address, address + length) is inside a RAM range. */
  contains(address: number, length: number): boolean {
    if (!Number.isSafeInteger(address) || !Number.isSafeInteger(length) || address < 0 || length < 0) return false;
    const end = address + length;
    let at = address;
    for (const r of this.ranges) {
      if (r.end <= at) continue;
      if (r.start > at) return false;
      if (r.end >= end) return true;
      at = r.end;
    }
    return length === 0 && this.ranges.some((r) => r.start <= address && address <= r.end);
  }

  /** Bytes at [address, address + length); rejects for holes. */
  async read(address: number, length: number): Promise<Uint8Array> {
    return this.readSync(address, length);
  }

  /** Fills `target` with the bytes at `address` (unwritten pages as zeros); rejects for holes. */
  async readInto(address: number, target: Uint8Array): Promise<void> {
    this.readIntoSync(address, target);
  }

  /** Synchronous `read`, for builders that own the memory. */
  readSync(address: number, length: number): Uint8Array {
    this.check(address, length);
    const out = new Uint8Array(length);
    this.readIntoSync(address, out);
    return out;
  }

  /** Synchronous `readInto`. */
  readIntoSync(address: number, target: Uint8Array): void {
    this.check(address, target.length);
    const ps = this.pageSize;
    let done = 0;
    while (done < target.length) {
      const at = address + done;
      const base = at - (at % ps);
      const inPage = at - base;
      const n = Math.min(ps - inPage, target.length - done);
      const page = this.pages.get(base);
      if (page) target.set(page.subarray(inPage, inPage + n), done);
      else target.fill(0, done, done + n);
      done += n;
    }
  }

  /** Writes bytes at a physical address (inside RAM ranges only). */
  write(address: number, bytes: Uint8Array): void {
    this.check(address, bytes.length);
    const ps = this.pageSize;
    let done = 0;
    while (done < bytes.length) {
      const at = address + done;
      const base = at - (at % ps);
      const inPage = at - base;
      const n = Math.min(ps - inPage, bytes.length - done);
      let page = this.pages.get(base);
      if (!page) {
        page = new Uint8Array(ps);
        this.pages.set(base, page);
      }
      page.set(bytes.subarray(done, done + n), inPage);
      done += n;
    }
  }

  /** `stored` inside the declared ranges (unwritten pages are zeros the model holds), `hole` outside. */
  async pageState(address: number): Promise<PageState> {
    const base = address - (address % this.pageSize);
    return this.contains(base, this.pageSize) ? 'stored' : 'hole';
  }

  /** Addresses of the pages that were ever written, ascending. */
  writtenPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  private check(address: number, length: number): void {
    if (!this.contains(address, length)) {
      throw new MemoryError(
        'physical',
        address,
        'physical memory',
        `${length} bytes are not all inside the image's RAM ranges`,
      );
    }
  }
}
