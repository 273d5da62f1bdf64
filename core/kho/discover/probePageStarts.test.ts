import { describe, expect, it } from 'vitest';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { SparseMemory } from '../../mem/SparseMemory';
import { probePageStarts } from './probePageStarts';

const KiB = 1024;
const MiB = 1024 * KiB;
const PAGE = 4096;
const FDT = Uint8Array.of(0xd0, 0x0d, 0xfe, 0xed);
const ANCHOR = new TextEncoder().encode('KHOANCH1');

/** A memory that records every `readInto` (and how many run at once) and refuses `read`. */
function recording(inner: SparseMemory) {
  const calls: Array<{ address: number; length: number; buffer: ArrayBufferLike }> = [];
  let running = 0;
  let mostRunning = 0;
  const memory: PhysicalMemory = {
    kind: 'recording',
    pageSize: inner.pageSize,
    ranges: inner.ranges,
    contains: (address, length) => inner.contains(address, length),
    read: () => Promise.reject(new Error('the scan must read into its own buffers')),
    readInto: async (address, target) => {
      calls.push({ address, length: target.length, buffer: target.buffer });
      mostRunning = Math.max(mostRunning, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      await inner.readInto(address, target);
      running--;
    },
  };
  return { memory, calls, mostRunning: () => mostRunning };
}

describe('probePageStarts', () => {
  it('reads each RAM range once, from its first page start, into a few recycled buffers', async () => {
    // The first range starts mid-page and ends mid-page; a hole follows.
    const inner = new SparseMemory(512, [
      { start: 0x800, end: MiB + 0x200 },
      { start: 8 * MiB, end: 9 * MiB },
    ]);
    // Chunks are 64 KiB from 0x1000 and three buffers rotate, so chunk k and
    // chunk k + 3 share a buffer: chunks 0, 1 and 3 hold a magic 0x2000 into
    // the chunk, and chunk 1's must not reappear in chunk 4 (0x43000).
    const fdtPages = [0x3000, 0x13000, 0x33000, 0x8f0000];
    for (const page of fdtPages) inner.write(page, FDT);
    inner.write(8 * MiB + 0x5000, ANCHOR);
    inner.write(0x4000 + 8, FDT); // not at a page start: ignored
    const { memory, calls, mostRunning } = recording(inner);

    const scan = await probePageStarts(memory, { pageSize: PAGE, chunkBytes: 64 * KiB, maxHits: 100, readAhead: 3 });

    expect(scan.hits).toEqual([
      ...fdtPages.slice(0, 3).map((address) => ({ address, kind: 'fdt' })),
      { address: 8 * MiB + 0x5000, kind: 'anchor' },
      { address: 0x8f0000, kind: 'fdt' },
    ]);
    expect(scan.problems).toEqual([]);
    expect(scan.totalBytes).toBe(MiB + 0x200 - PAGE + MiB);
    expect(scan.bytesScanned).toBe(scan.totalBytes);
    // Front to back, no gaps, no overlaps, never outside RAM.
    const spans: Array<[number, number]> = [];
    for (const call of calls) {
      const last = spans[spans.length - 1];
      if (last && last[1] === call.address) last[1] += call.length;
      else spans.push([call.address, call.address + call.length]);
    }
    expect(spans).toEqual([
      [PAGE, MiB + 0x200],
      [8 * MiB, 9 * MiB],
    ]);
    expect(new Set(calls.map((c) => c.buffer)).size).toBe(3);
    expect(mostRunning()).toBe(3);
  });

  it('allocates buffers no larger than the chunks need', async () => {
    const inner = new SparseMemory(PAGE, [{ start: 0, end: 2 * PAGE }]);
    inner.write(PAGE, FDT);
    const { memory, calls } = recording(inner);
    const scan = await probePageStarts(memory, { pageSize: PAGE, chunkBytes: 4 * MiB, maxHits: 10, readAhead: 2 });
    expect(scan.hits).toEqual([{ address: PAGE, kind: 'fdt' }]);
    expect(calls.map((c) => c.buffer.byteLength)).toEqual([2 * PAGE]);
  });

  it("finds every hit over spans of mixed sizes while its buffers grow, and never sees a longer chunk's stale bytes", async () => {
    // Spans of 1, 5, 2, 40 (= 2½ chunks), 3 and 17 pages; chunks are 16
    // pages and two buffers rotate, so each buffer serves chunks of several
    // sizes and grows between them. Each span has a magic on its last page;
    // the 40-page span has one on every chunk's last page too.
    const pagesPerSpan = [1, 5, 2, 40, 3, 17];
    const ranges = pagesPerSpan.map((pages, k) => ({ start: k * MiB, end: k * MiB + pages * PAGE }));
    const inner = new SparseMemory(PAGE, ranges);
    const expected: Array<{ address: number; kind: string }> = [];
    ranges.forEach((range, k) => {
      const lastPages = k === 3 ? [15, 31, 39] : [pagesPerSpan[k] - 1];
      for (const page of lastPages) {
        const address = range.start + page * PAGE;
        inner.write(address, k % 2 ? ANCHOR : FDT);
        expected.push({ address, kind: k % 2 ? 'anchor' : 'fdt' });
      }
    });
    const { memory, calls } = recording(inner);

    const scan = await probePageStarts(memory, { pageSize: PAGE, chunkBytes: 16 * PAGE, maxHits: 100, readAhead: 2 });

    expect(scan.hits).toEqual(expected);
    expect(scan.bytesScanned).toBe(scan.totalBytes);
    expect(calls.map((c) => c.length / PAGE)).toEqual([1, 5, 2, 16, 16, 8, 3, 16, 1]);
    // Buffer 0 serves 1, 2, 16, 3 and 1 pages (made at 1, grown to 2 and
    // 16), buffer 1 serves 5, 16, 8 and 16 (made at 5, grown to 16).
    const buffers = [...new Set(calls.map((c) => c.buffer))];
    expect(buffers.map((b) => b.byteLength / PAGE)).toEqual([1, 5, 2, 16, 16]);
  });
});

describe('probePageStarts within a window', () => {
  it('probes only the page starts inside the window, and counts only its bytes', async () => {
    const memory = new SparseMemory(PAGE, [
      { start: 0, end: 8 * PAGE },
      { start: 16 * PAGE, end: 24 * PAGE },
    ]);
    for (const page of [1, 5, 6, 17, 20]) memory.write(page * PAGE, FDT);
    const scan = await probePageStarts(memory, {
      pageSize: PAGE,
      chunkBytes: 2 * PAGE,
      maxHits: 10,
      readAhead: 2,
      within: { start: 5 * PAGE, end: 18 * PAGE },
    });
    expect(scan.hits.map((hit) => hit.address / PAGE)).toEqual([5, 6, 17]);
    expect(scan.totalBytes).toBe(5 * PAGE);
    expect(scan.bytesScanned).toBe(5 * PAGE);
  });

  it('counts hits past maxHits and names the first one dropped', async () => {
    const memory = new SparseMemory(PAGE, [{ start: 0, end: 8 * PAGE }]);
    for (const page of [1, 2, 3, 4]) memory.write(page * PAGE, FDT);
    const scan = await probePageStarts(memory, { pageSize: PAGE, chunkBytes: 4 * PAGE, maxHits: 2, readAhead: 1 });
    expect(scan.hits.map((hit) => hit.address / PAGE)).toEqual([1, 2]);
    expect(scan.hitsDropped).toBe(2);
    expect(scan.firstDroppedAt).toBe(3 * PAGE);
    expect(scan.problems).toEqual([]);
  });
});
