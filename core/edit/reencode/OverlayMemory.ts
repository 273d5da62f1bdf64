import type { ImageMemory, PageState } from '../../mem/ImageMemory';
import type { PhysicalMemory, PhysRange } from '../../mem/PhysicalMemory';

/**
 * Physical memory as an edit leaves it: the original image with changed
 * pages laid over it. Lets the edited image be decoded (for previews, JSON
 * and debugfs exports, and the export's own checks) without writing a file.
 */
export class OverlayMemory implements ImageMemory {
  readonly kind: string;
  readonly pageSize: number;
  readonly ranges: readonly PhysRange[];

  constructor(
    private readonly base: PhysicalMemory,
    private readonly changed: ReadonlyMap<number, Uint8Array>,
  ) {
    this.kind = base.kind;
    this.pageSize = base.pageSize;
    this.ranges = base.ranges;
  }

  contains(address: number, length: number): boolean {
    return this.base.contains(address, length);
  }

  async read(address: number, length: number): Promise<Uint8Array> {
    // A copy: the base may hand out views into its cache.
    const out = (await this.base.read(address, length)).slice();
    const ps = this.pageSize;
    for (let page = address - (address % ps); page < address + length; page += ps) {
      const bytes = this.changed.get(page);
      if (!bytes) continue;
      const from = Math.max(address, page);
      const to = Math.min(address + length, page + ps);
      out.set(bytes.subarray(from - page, to - page), from - address);
    }
    return out;
  }

  async pageState(address: number): Promise<PageState> {
    const page = address - (address % this.pageSize);
    if (this.changed.has(page)) return 'stored';
    const state = (this.base as Partial<ImageMemory>).pageState;
    return state ? state.call(this.base, address) : this.base.contains(page, this.pageSize) ? 'stored' : 'hole';
  }
}
