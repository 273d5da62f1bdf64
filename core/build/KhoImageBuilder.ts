import type { FdtDocument } from '../fdt/FdtDocument';
import { writeFdt } from '../fdt/writeFdt';
import type { PhysRange } from '../mem/PhysicalMemory';
import { SparseMemory } from '../mem/SparseMemory';
import { writeEncodedMap } from '../kho/maps/EncodedMap';
import { encodeChunkList } from '../kho/maps/encodeChunkList';
import { encodeRadixTree } from '../kho/maps/encodeRadixTree';
import type { PreservedBlock } from '../kho/maps/PreservedBlock';
import { splitEachIntoBlocks, splitIntoBlocks } from '../kho/maps/splitIntoBlocks';
import { encodeAnchorPage } from '../kho/discover/encodeAnchorPage';

/** Options of `KhoImageBuilder`. */
export interface KhoImageBuilderOptions {
  pageSize?: number;
  /** RAM ranges of the image (page-aligned, non-overlapping). */
  ram: PhysRange[];
}

/**
 * Builds synthetic KHO images in a `SparseMemory`: places FDTs (contiguous
 * or spread over a page list), raw blobs, anchor chains, and finally a
 * preserved-memory map (radix tree or chunk list) over everything marked
 * preserved. Metadata pages come from a bump allocator that skips pages
 * already written. Used by the tests and the demo images.
 */
export class KhoImageBuilder {
  readonly memory: SparseMemory;
  readonly pageSize: number;
  private readonly preserved: PreservedBlock[] = [];
  /** Pages kept from the allocator though not written yet (a root placed after its map). */
  private readonly reserved = new Set<number>();
  private nextFree: number;
  /** Pages of the map written last (its metadata: radix nodes or chunks and bitmaps). */
  private mapPages: number[] = [];

  constructor(options: KhoImageBuilderOptions) {
    this.pageSize = options.pageSize ?? 4096;
    this.memory = new SparseMemory(this.pageSize, options.ram);
    this.nextFree = this.memory.ranges[0].start;
  }

  /**
   * A page no one has written, marked preserved or allocated yet (searching
   * upward through RAM), so metadata never lands on a blob placed later.
   */
  allocatePage(): number {
    const used = new Set([...this.memory.writtenPages(), ...this.reserved]);
    for (const block of this.preserved) {
      for (let i = 0; i < 2 ** block.order; i++) used.add(block.address + i * this.pageSize);
    }
    for (const range of this.memory.ranges) {
      for (let page = Math.max(this.nextFree, range.start); page < range.end; page += this.pageSize) {
        // Address 0 would read as "no pointer" wherever it is stored.
        if (used.has(page) || page === 0) continue;
        this.nextFree = page + this.pageSize;
        return page;
      }
    }
    throw new RangeError('no free page left in the image');
  }

  /** Keeps the pages of [address, address + size) from the allocator without writing or preserving them. */
  reserve(address: number, size: number): void {
    for (let page = address - (address % this.pageSize); page < address + size; page += this.pageSize)
      this.reserved.add(page);
  }

  /** Writes raw bytes at `address`; `preserve` marks the pages they touch preserved. Returns the size. */
  placeBytes(address: number, bytes: Uint8Array, preserve = false): number {
    this.memory.write(address, bytes);
    if (preserve) this.preserve(address, bytes.length);
    return bytes.length;
  }

  /** Writes an FDT contiguously at `address` and returns its size. */
  placeFdt(address: number, fdt: FdtDocument | Uint8Array, preserve = false): number {
    return this.placeBytes(address, blobOf(fdt), preserve);
  }

  /** Writes an FDT over `pages` in list order (a draft page list or anchored root) and returns its size. */
  placeFdtOnPages(pages: readonly number[], fdt: FdtDocument | Uint8Array, preserve = false): number {
    const blob = blobOf(fdt);
    pages.forEach((page, i) => {
      const part = blob.subarray(i * this.pageSize, (i + 1) * this.pageSize);
      if (part.length > 0) this.placeBytes(page, part, preserve);
    });
    return blob.length;
  }

  /**
   * Writes a KHOANCH1 chain on `anchorPages` listing `fdtPages` (split evenly
   * in order unless `perAnchor` says how many each page lists).
   */
  placeAnchorChain(
    anchorPages: readonly number[],
    fdtPages: readonly number[],
    fdtSize: number,
    perAnchor?: readonly number[],
  ): void {
    let at = 0;
    anchorPages.forEach((anchor, i) => {
      const n = perAnchor ? perAnchor[i] : Math.ceil((fdtPages.length - at) / (anchorPages.length - i));
      const next = anchorPages[i + 1] ?? 0;
      this.memory.write(anchor, encodeAnchorPage(this.pageSize, { next, fdtSize, pages: fdtPages.slice(at, at + n) }));
      at += n;
    });
  }

  /** Marks the pages of [address, address + size) preserved (split into aligned blocks like the kernel). */
  preserve(address: number, size: number): void {
    const start = address - (address % this.pageSize);
    const end = Math.ceil((address + Math.max(size, 1)) / this.pageSize) * this.pageSize;
    this.preserved.push(...splitIntoBlocks(start, end, this.pageSize));
  }

  /** Encodes a radix tree (kho-v2+) over everything preserved, writes it, and returns its root address. */
  writeRadixMap(): number {
    const encoded = encodeRadixTree(this.uniqueBlocks(), this.pageSize, () => this.allocatePage());
    writeEncodedMap(this.memory, encoded);
    this.mapPages = [...encoded.pages.keys()];
    return encoded.root;
  }

  /** Encodes a kho-v1 chunk list (page-sized bitmaps unless given) over everything preserved; returns its head. */
  writeChunkList(bitmapBytes = this.pageSize): number {
    const encoded = encodeChunkList(this.uniqueBlocks(), this.pageSize, bitmapBytes, () => this.allocatePage());
    writeEncodedMap(this.memory, encoded);
    this.mapPages = [...encoded.pages.keys()];
    return encoded.root;
  }

  /** The pages of the map written last, so a test can consume it as the next kernel does (zero them). */
  get lastMapPages(): readonly number[] {
    return this.mapPages;
  }

  /**
   * Starts the next kernel's preservations: what is written stays, but maps
   * written from now on cover only what is preserved after this call, as a
   * kernel that booted through KHO builds its own map from nothing. The old
   * pages stay out of the allocator.
   */
  startNextKernel(): void {
    for (const block of this.preserved) this.reserve(block.address, this.pageSize * 2 ** block.order);
    for (const page of this.mapPages) this.reserve(page, this.pageSize);
    this.preserved.length = 0;
    this.mapPages = [];
  }

  /**
   * Every marked block once, each allocation keeping its own entries as the
   * kernel writes them (touching allocations are never fused into a larger
   * block); pages marked twice count once.
   */
  private uniqueBlocks(): PreservedBlock[] {
    return splitEachIntoBlocks(
      this.preserved.map((block) => ({ start: block.address, end: block.address + this.pageSize * 2 ** block.order })),
      this.pageSize,
    );
  }
}

function blobOf(fdt: FdtDocument | Uint8Array): Uint8Array {
  return fdt instanceof Uint8Array ? fdt : writeFdt(fdt);
}
