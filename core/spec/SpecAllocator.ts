import { hex } from '../bytes/readers';
import { folioOrder } from '../kho/maps/folioOrder';
import type { SparseMemory } from '../mem/SparseMemory';
import { SpecError } from './SpecError';

/**
 * Page bookkeeping of one build: pages the spec pins (placement hints),
 * pages written, and pages handed out, lowest free first, so a build is
 * repeatable. Runs of several pages are aligned to their power-of-two size,
 * like folios. Page 0 is never handed out (0 reads as "no pointer").
 */
export class SpecAllocator {
  private readonly used = new Set<number>();

  constructor(
    private readonly memory: SparseMemory,
    readonly pageSize: number,
  ) {}

  /** Keeps the pages of [address, address + size) from being handed out; refuses pages pinned twice. */
  pin(address: number, size: number, what: string): void {
    for (const page of this.pagesOf(address, size)) {
      if (this.used.has(page)) throw new SpecError(what, `page ${hex(page)} is already taken by another placement`);
      if (!this.memory.contains(page, this.pageSize))
        throw new SpecError(what, `page ${hex(page)} is not inside the RAM ranges`);
      this.used.add(page);
    }
  }

  /** Marks pages used without refusing ones already used (for data laid over pinned places). */
  claim(address: number, size: number): void {
    for (const page of this.pagesOf(address, size)) this.used.add(page);
  }

  /** One free page. */
  page(): number {
    return this.run(1);
  }

  /** `count` contiguous free pages, aligned to the next power of two of `count` pages; returns the first. */
  run(count: number): number {
    const ps = this.pageSize;
    const align = ps * 2 ** folioOrder(count);
    const written = new Set(this.memory.writtenPages());
    for (const range of this.memory.ranges) {
      for (let start = Math.ceil(range.start / align) * align; start + count * ps <= range.end; start += align) {
        let free = start !== 0;
        for (let i = 0; i < count && free; i++) free = !this.used.has(start + i * ps) && !written.has(start + i * ps);
        if (!free) continue;
        for (let i = 0; i < count; i++) this.used.add(start + i * ps);
        return start;
      }
    }
    throw new SpecError('ram', `no ${count} free contiguous page(s) left: make the RAM ranges larger`);
  }

  private pagesOf(address: number, size: number): number[] {
    const pages: number[] = [];
    for (let page = address - (address % this.pageSize); page < address + Math.max(size, 1); page += this.pageSize)
      pages.push(page);
    return pages;
  }
}
