import { describe, expect, it } from 'vitest';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { CountingSource } from '../../mem/sources/CountingSource';
import { buildElfCore, flattenPieces } from '../../mem/testing/ElfCoreBuilder';
import { buildKdump } from '../../mem/testing/NodeKdumpBuilder';
import { findKhoRoots } from './findKhoRoots';
import { fdtBlob } from './testing/khoTestImage';
import { scanWindows } from './windowedPageScanner';

const PAGE = 4096;
const TiB = 2 ** 40;

/** A kho-v1 root FDT padded to one page. */
function rootPage(): Uint8Array {
  const page = new Uint8Array(PAGE);
  page.set(fdtBlob('kho-v1'));
  return page;
}

async function openCounted(bytes: Uint8Array) {
  const counting = new CountingSource(new BytesSource(bytes, 'declared'));
  const image = await openImage(counting);
  if (image.kind !== 'memory') throw new Error('expected a memory image');
  return { counting, memory: image.memory };
}

describe('RAM declared but not stored (issue 14)', () => {
  it('skips an ELF zero-fill tail of 2^48 bytes unread, and still finds the root stored before it', async () => {
    const file = flattenPieces(
      buildElfCore({
        elfClass: 64,
        littleEndian: true,
        segments: [{ paddr: 0x10000, data: rootPage(), memsz: 2n ** 48n }],
      }),
    );
    const { counting, memory } = await openCounted(file);
    const before = counting.bytesRead;
    const result = await findKhoRoots(memory);
    expect(result.candidates.map((c) => c.address)).toEqual([0x10000]);
    expect(result.bytesScanned).toBe(2 ** 48);
    expect(result.bytesSkipped).toBe(2 ** 48 - PAGE);
    // Only the stored page (and the root's validation reads) touch the file.
    expect(counting.bytesRead - before).toBeLessThanOrEqual(4 * PAGE);
    expect(await scanWindows(memory, PAGE, 2 ** 30)).toEqual([{ start: 0x10000, end: 0x10000 + PAGE }]);
  });

  it('skips the tail of a segment whose p_filesz ends mid-page', async () => {
    const data = rootPage().subarray(0, 2048);
    const file = flattenPieces(
      buildElfCore({ elfClass: 32, littleEndian: false, segments: [{ paddr: 0, data, memsz: 64 * PAGE }] }),
    );
    const { memory } = await openCounted(file);
    const result = await findKhoRoots(memory);
    expect(result.bytesSkipped).toBe(64 * PAGE - 2048);
    expect(result.fdts).toEqual([]);
  });

  it('skips kdump pages left out of the dump: 8 TiB of RAM, every page excluded but one', async () => {
    const blockSize = 1 << 20;
    const maxMapnr = (8 * TiB) / blockSize;
    const root = new Uint8Array(blockSize);
    root.set(fdtBlob('kho-v1'));
    const file = buildKdump({
      blockSize,
      maxMapnr,
      ram: [[0, maxMapnr]],
      pages: new Map([[maxMapnr - 3, { data: root, compression: 'zlib' }]]),
    });
    const { counting, memory } = await openCounted(file);
    const before = counting.bytesRead;
    const result = await findKhoRoots(memory, { pageSize: PAGE });
    expect(result.candidates.map((c) => c.address)).toEqual([(maxMapnr - 3) * blockSize]);
    expect(result.bytesSkipped).toBe(8 * TiB - blockSize);
    // The 2nd bitmap (1 MiB) once, plus the one dumped page.
    expect(counting.bytesRead - before).toBeLessThan(file.length + (1 << 20));
  });
});

/** RAM whose every byte is stored and reads as zero at once: the worst case for a cancel. */
function endlessZeros(size: number): PhysicalMemory {
  return {
    kind: 'test',
    pageSize: PAGE,
    ranges: [{ start: 0, end: size }],
    contains: (address, length) => address >= 0 && address + length <= size,
    read: async (_address, length) => new Uint8Array(length),
    readInto: async (_address, target) => {
      target.fill(0);
    },
  };
}

describe('cancelling a root scan', () => {
  it('stops a scan of 16 TiB of stored zeros within 100 ms of the abort, fired from a timer', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort(new Error('cancelled by the test'));
    }, 200);
    let scanned = 0;
    await expect(
      findKhoRoots(endlessZeros(16 * TiB), {
        signal: controller.signal,
        onProgress: (p) => {
          scanned = p.bytesScanned;
        },
      }),
    ).rejects.toThrow('cancelled by the test');
    const latency = performance.now() - abortedAt;
    expect(scanned).toBeGreaterThan(0);
    expect(latency).toBeLessThan(100);
  });
});
