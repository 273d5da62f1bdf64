import { hex } from '../../bytes/readers';
import type { ImageMemory } from '../../mem/ImageMemory';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { folioOrder } from '../../kho/maps/folioOrder';
import { EditError } from '../EditError';

/**
 * Pages below 1 MiB are never handed out: x86 keeps that memory for the
 * firmware and writes its real-mode trampoline there while booting, so a
 * zero page down there is not evidence that the next kernel leaves it alone.
 */
export const LOW_MEMORY_END = 0x10_0000;

/** What the allocator may take besides the rules it always applies. */
export interface AllocatorOptions {
  /**
   * Also take pages whose bytes are not all zero (or whose content a kdump
   * left out). Off by default: a zero page is the only evidence that no one
   * uses it, since the image cannot say what the kernel's free lists held.
   */
  allowNonZeroPages?: boolean;
}

/**
 * Hands out pages that are provably free, lowest address first: inside the
 * image's RAM ranges, not below 1 MiB (`LOW_MEMORY_END`; page 0 would also
 * read as "no pointer"), not used by any
 * decoded structure of the input (so nothing this edit gives back is taken
 * again), not preserved in any map, and zero-filled (stated so by the
 * container, or read as zeros). Several pages are handed out as one whole
 * folio (2^order pages aligned to their size), as the kernel's page
 * allocator does.
 * Throws `EditError` when none is left.
 */
export class FreePageAllocator {
  /** Pages handed out so far, in order. */
  readonly taken: number[] = [];
  private readonly verdicts = new Map<number, boolean>();
  private cursor = 0;

  constructor(
    private readonly memory: PhysicalMemory & Partial<ImageMemory>,
    private readonly pageSize: number,
    /** Pages some decoded structure uses. */
    private readonly occupied: { has(page: number): boolean },
    private readonly preserved: (page: number) => boolean,
    private readonly options: AllocatorOptions = {},
  ) {}

  /** One free page. */
  async takePage(): Promise<number> {
    const ps = this.pageSize;
    for (const range of this.memory.ranges) {
      const first = Math.ceil(Math.max(range.start, this.cursor) / ps) * ps;
      for (let page = first; page + ps <= range.end; page += ps) {
        if (!(await this.isFree(page))) continue;
        this.cursor = page + ps;
        return this.take(page, 1);
      }
    }
    throw this.exhausted('free page');
  }

  /**
   * One folio holding `count` pages, as `folio_alloc()` hands it out: all
   * 2^order pages of it (order = `folioOrder(count)`), aligned to its size,
   * so that the one map entry the kernel would write for it (order, head)
   * covers nothing but this allocation. Returns its first page and order.
   */
  async takeFolio(count: number): Promise<{ address: number; order: number }> {
    const ps = this.pageSize;
    const order = folioOrder(count);
    const pages = 2 ** order;
    const align = ps * pages;
    for (const range of this.memory.ranges) {
      for (let start = Math.ceil(range.start / align) * align; start + pages * ps <= range.end; start += align) {
        let free = true;
        for (let i = 0; i < pages && free; i++) free = await this.isFree(start + i * ps);
        if (free) return { address: this.take(start, pages), order };
      }
    }
    throw this.exhausted(`${pages} contiguous free pages (an order-${order} folio)`);
  }

  private take(start: number, count: number): number {
    for (let i = 0; i < count; i++) {
      const page = start + i * this.pageSize;
      this.verdicts.set(page, false);
      this.taken.push(page);
    }
    return start;
  }

  private async isFree(page: number): Promise<boolean> {
    const known = this.verdicts.get(page);
    if (known !== undefined) return known;
    const verdict =
      page >= LOW_MEMORY_END && !this.occupied.has(page) && !this.preserved(page) && (await this.holdsNothing(page));
    this.verdicts.set(page, verdict);
    return verdict;
  }

  /** True when the page's content says no one uses it. */
  private async holdsNothing(page: number): Promise<boolean> {
    if (!this.memory.contains(page, this.pageSize)) return false;
    const state = this.memory.pageState ? await this.memory.pageState(page) : 'stored';
    if (state === 'hole') return false;
    if (this.options.allowNonZeroPages) return true;
    if (state === 'zero-fill') return true;
    if (state === 'excluded') return false;
    const bytes = await this.memory.read(page, this.pageSize);
    return bytes.every((byte) => byte === 0);
  }

  private exhausted(what: string): EditError {
    const zero = this.options.allowNonZeroPages ? '' : ', zero-filled (allowing non-zero pages relaxes this)';
    const ranges = this.memory.ranges.map((r) => `[${hex(r.start)}, ${hex(r.end)})`).join(', ');
    return new EditError(
      'page allocator',
      `no ${what} left: a page must be inside the RAM ranges (${ranges}) and above 1 MiB, used by no decoded structure, not preserved${zero}`,
    );
  }
}
