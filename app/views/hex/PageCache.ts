import type { ReadMemory } from '../../model/Selection';

/**
 * Pages of physical memory read through `readMemory` (the worker), one
 * page-sized read each, kept in a small least-recently-used cache. A page
 * is `undefined` until it arrives (asking starts the read, once), then its
 * bytes, or `null` when it cannot be read (a hole, outside the image).
 * Listeners hear about every page that arrives.
 */
export class PageCache {
  private readonly pages = new Map<number, Uint8Array | null>();
  private readonly pending = new Set<number>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly read: ReadMemory,
    readonly pageSize: number,
    private readonly maxPages = 256,
  ) {}

  /** The page starting at `page` (page-aligned), or undefined while it is being read. */
  get(page: number): Uint8Array | null | undefined {
    const cached = this.pages.get(page);
    if (cached !== undefined) {
      // Re-insert: Map order is the recency order.
      this.pages.delete(page);
      this.pages.set(page, cached);
      return cached;
    }
    if (!this.pending.has(page)) this.load(page);
    return undefined;
  }

  /** The byte at physical `address`: a number, null when unreadable, undefined while loading. */
  byteAt(address: number): number | null | undefined {
    const base = address - (address % this.pageSize);
    const page = this.get(base);
    return page ? (page[address - base] ?? null) : page;
  }

  /** Calls `listener` whenever a page arrives; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(page: number): void {
    this.pending.add(page);
    this.read(page, this.pageSize).then(
      (bytes) => this.store(page, bytes),
      () => this.store(page, null),
    );
  }

  private store(page: number, bytes: Uint8Array | null): void {
    this.pending.delete(page);
    this.pages.set(page, bytes);
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      this.pages.delete(oldest);
    }
    for (const listener of this.listeners) listener();
  }
}
