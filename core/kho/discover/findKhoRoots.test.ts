import { describe, expect, it } from 'vitest';
import { MemoryError } from '../../mem/MemoryError';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { SparseMemory } from '../../mem/SparseMemory';
import { findKhoRoots } from './findKhoRoots';
import { anchorPage, cstr, fdtBlob, placeRoot, placeSpreadFdt, u64beList, u64le } from './testing/khoTestImage';

const MiB = 1024 * 1024;

/** 4 KiB pages; RAM [0, 32 MiB) and [64 MiB, 96 MiB), a hole between. */
function image(): SparseMemory {
  return new SparseMemory(4096, [
    { start: 0, end: 32 * MiB },
    { start: 64 * MiB, end: 96 * MiB },
  ]);
}

describe('findKhoRoots', () => {
  const versions: [string, 'radix-tree' | 'chunk-list', 'fdt' | 'preserved-data'][] = [
    ['kho-v1', 'chunk-list', 'fdt'],
    ['kho-v2', 'radix-tree', 'preserved-data'],
    ['kho-v3', 'radix-tree', 'preserved-data'],
    ['kho-v4', 'radix-tree', 'preserved-data'],
    ['kho-v4;radix-v1;vmalloc-v1', 'radix-tree', 'preserved-data'],
  ];
  for (const [compatible, map, property] of versions) {
    it(`finds and ranks a ${compatible} root`, async () => {
      const memory = image();
      placeRoot(memory, {
        address: 70 * MiB,
        compatible,
        map,
        mapPages: 80 * MiB,
        children: [
          { name: 'memblock', blob: 0x100000, property, blobSize: property === 'preserved-data' ? 200 : undefined },
          { name: 'kho_test', blob: 0x200000, property },
        ],
      });
      const result = await findKhoRoots(memory, { chunkBytes: MiB });
      expect(result.candidates).toHaveLength(1);
      const [root] = result.candidates;
      // The chunk-list encoder allocates its one bitmap page before the chunk page.
      const mapAddress = map === 'radix-tree' ? 80 * MiB : 80 * MiB + 4096;
      expect(root).toMatchObject({ address: 70 * MiB, compatible, how: 'page-scan', fdtPages: [70 * MiB], mapAddress });
      expect(root.map?.encoding).toBe(map);
      expect(root.reasons.map((r) => r.text)).toEqual([
        `compatible "${compatible}" is a known KHO root version`,
        'all 2 child pointers land on an FDT or a blob in RAM',
        `the root's page is preserved in its own ${map} map at 0x${mapAddress.toString(16)}`,
      ]);
      expect(root.rank).toBe(90);
      expect(result.totalBytes).toBe(64 * MiB);
      expect(result.bytesScanned).toBe(64 * MiB);
    });
  }

  it('ranks a newer kho-vN lower than a known version, and a stale copy below the live root', async () => {
    const memory = image();
    placeRoot(memory, { address: 0x10000, compatible: 'kho-v4', map: 'radix-tree', mapPages: 0x20000 });
    // A stale copy: same FDT, but its map pages were consumed (zeroed).
    placeRoot(memory, { address: 0x40000, compatible: 'kho-v4', map: { pointer: 0x50000 } });
    placeRoot(memory, { address: 0x60000, compatible: 'kho-v9', map: 'radix-tree', mapPages: 0x70000 });
    placeRoot(memory, { address: 0x80000, compatible: 'kho-v1', map: 'zero' });
    const result = await findKhoRoots(memory);
    expect(result.candidates.map((c) => [c.address, c.rank])).toEqual([
      [0x10000, 70],
      [0x60000, 50],
      [0x80000, 40],
      [0x40000, 25],
    ]);
    const stale = result.candidates[3];
    expect(stale.reasons.map((r) => r.text)).toContain(
      'root page 0x40000 is not preserved by its radix-tree map at 0x50000 (a stale copy, or a map already consumed)',
    );
    expect(result.candidates[1].reasons[0].text).toBe(
      'compatible "kho-v9" is newer than khoscope knows; read with kho-v4 rules',
    );
    expect(result.candidates[2].reasons.map((r) => r.text)).toContain(
      'preserved-memory-map is 0: no map yet (6.19/7.0 before finalize)',
    );
  });

  it('marks children whose pointers dangle', async () => {
    const memory = image();
    memory.write(
      0x10000,
      fdtBlob(
        'kho-v3',
        [{ name: 'preserved-memory-map', value: u64le(0) }],
        [
          { name: 'gone', properties: [{ name: 'preserved-data', value: u64le(40 * MiB) }], children: [] },
          {
            name: 'short',
            properties: [{ name: 'preserved-data', value: u64le(0x300000).subarray(0, 4) }],
            children: [],
          },
          {
            name: 'raw',
            properties: [
              { name: 'preserved-data', value: u64le(0x300000) },
              { name: 'blob-size', value: u64le(73) },
            ],
            children: [],
          },
        ],
      ),
    );
    const [root] = (await findKhoRoots(memory)).candidates;
    expect(root.reasons.map((r) => [r.points, r.text])).toEqual([
      [40, 'compatible "kho-v3" is a known KHO root version'],
      [-10, 'child gone: preserved-data 0x2800000 is outside RAM'],
      [-10, 'child short: preserved-data has 4 bytes, not 8'],
      [0, 'preserved-memory-map is 0: no map yet (6.19/7.0 before finalize)'],
    ]);
  });

  it('ignores decoys and lists every FDT on request', async () => {
    const memory = image();
    memory.write(0x10000, fdtBlob('linux,dummy-virt'));
    // Truncated header: the magic and nothing sane behind it.
    memory.write(0x20000, Uint8Array.of(0xd0, 0x0d, 0xfe, 0xed, 0xff, 0xff, 0xff, 0xff));
    // A valid kho root, but not at a page start.
    memory.write(0x30010, fdtBlob('kho-v4', [{ name: 'preserved-memory-map', value: u64le(0) }]));
    // A kho root on the last page of a RAM range whose totalsize runs into the hole.
    const big = fdtBlob('kho-v4', [{ name: 'filler', value: new Uint8Array(6000) }]);
    memory.write(32 * MiB - 4096, big.subarray(0, 4096));
    const result = await findKhoRoots(memory, { listAllFdts: true });
    expect(result.candidates).toEqual([]);
    expect(result.fdts).toEqual([
      { address: 0x10000, size: expect.any(Number), compatible: 'linux,dummy-virt', problem: null },
      {
        address: 32 * MiB - 4096,
        size: big.length,
        compatible: null,
        problem: `the ${big.length}-byte blob lies (partly) outside the image's RAM`,
      },
    ]);
    expect(result.rejected).toEqual([]);
    expect((await findKhoRoots(memory)).fdts).toEqual([]);
  });

  it('finds a root through a good anchor chain, not again as a page-scan FDT', async () => {
    const memory = image();
    const fdtPages = [0x100000, 0x104000, 0x102000];
    const size = placeSpreadFdt(memory, 'kho-v1', fdtPages);
    memory.write(0x90000, anchorPage(4096, 0x91000, size, fdtPages.slice(0, 2)));
    memory.write(0x91000, anchorPage(4096, 0, size, fdtPages.slice(2)));
    const result = await findKhoRoots(memory);
    expect(result.rejected).toEqual([]);
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]).toMatchObject({
      address: 0x90000,
      how: 'anchor',
      size,
      fdtPages,
      anchorPages: [0x90000, 0x91000],
      compatible: 'kho-v1',
    });
    expect(result.candidates[0].reasons.map((r) => r.text)).toContain(
      `anchor chain of 2 page(s) assembles the ${size}-byte FDT from 3 page(s)`,
    );
  });

  it('rejects broken anchor chains with the reason', async () => {
    const memory = image();
    const fdtPages = [0x100000, 0x104000];
    const size = placeSpreadFdt(memory, 'kho-v1', fdtPages);
    // Cycle: 0x90000 ⇄ 0x91000.
    memory.write(0x90000, anchorPage(4096, 0x91000, size, fdtPages.slice(0, 1)));
    memory.write(0x91000, anchorPage(4096, 0x90000, size, fdtPages.slice(1)));
    // Too short: one page listed for a two-page FDT.
    memory.write(0xa0000, anchorPage(4096, 0, size, fdtPages.slice(0, 1)));
    // Broken next pointer: into the hole.
    memory.write(0xb0000, anchorPage(4096, 40 * MiB, size, fdtPages.slice(0, 1)));
    // Next pointer to a page that is no anchor page.
    memory.write(0xc0000, anchorPage(4096, 0xc1000, size, fdtPages.slice(0, 1)));
    const result = await findKhoRoots(memory);
    expect(result.candidates).toEqual([]);
    expect(result.rejected.map((r) => [r.address, r.how, r.reason])).toEqual([
      [0xa0000, 'anchor', `the chain lists 1 pages; fdt_size ${size} needs 2: the FDT is truncated`],
      [0xb0000, 'anchor', "next pointer of 0xb0000 0x2800000 lies (partly) outside the image's RAM"],
      [0xc0000, 'anchor', 'next pointer of 0xc0000 0xc1000 does not lead to a KHOANCH1 page'],
      [0x90000, 'anchor', 'anchor page 0x91000 leads back to 0x90000: the chain has a cycle'],
    ]);
  });

  it('follows an anchor chain whose head is the page at physical address 0', async () => {
    const memory = image();
    const fdtPages = [0x100000, 0x101000];
    const size = placeSpreadFdt(memory, 'kho-v1', fdtPages);
    memory.write(0, anchorPage(4096, 0x1000, size, fdtPages.slice(0, 1)));
    memory.write(0x1000, anchorPage(4096, 0, size, fdtPages.slice(1)));
    const result = await findKhoRoots(memory);
    expect(result.rejected).toEqual([]);
    expect(result.candidates[0]).toMatchObject({ address: 0, how: 'anchor', fdtPages, anchorPages: [0, 0x1000] });
  });

  it('rejects an empty anchor page at physical address 0 with the reason, without crashing', async () => {
    // The 4 KiB raw image of issue 14: nothing but the magic at address 0.
    const memory = new SparseMemory(4096, [{ start: 0, end: 4096 }]);
    memory.write(0, new TextEncoder().encode('KHOANCH1'));
    const result = await findKhoRoots(memory);
    expect(result.candidates).toEqual([]);
    expect(result.rejected).toEqual([
      { address: 0, how: 'anchor', reason: 'anchor page 0x0 gives fdt_size 0, not between 1 and 16777216' },
    ]);
  });

  it('reads kho,recursive-fdt page lists in either byte order', async () => {
    const memory = image();
    memory.write(0x100000, fdtBlob('memblock-v1'));
    memory.write(
      0x10000,
      fdtBlob(
        'kho-v1',
        [],
        [
          { name: 'memblock', properties: [{ name: 'kho,recursive-fdt', value: u64beList([0x100000]) }], children: [] },
          { name: 'gpu', properties: [{ name: 'kho,recursive-fdt', value: u64le(0x100000) }], children: [] },
          { name: 'bad', properties: [{ name: 'kho,recursive-fdt', value: cstr('x') }], children: [] },
        ],
      ),
    );
    const [root] = (await findKhoRoots(memory)).candidates;
    expect(root.reasons.map((r) => r.text)).toEqual([
      'compatible "kho-v1" is a known KHO root version',
      'child bad: kho,recursive-fdt has 2 bytes, not a multiple of 8',
      'the root has no preserved-memory-map property',
    ]);
  });

  it('reports progress in order and can be cancelled', async () => {
    const memory = image();
    const seen: number[] = [];
    await findKhoRoots(memory, { chunkBytes: 4 * MiB, onProgress: (p) => seen.push(p.bytesScanned) });
    expect(seen).toEqual(Array.from({ length: 16 }, (_, i) => (i + 1) * 4 * MiB));
    const controller = new AbortController();
    const scan = findKhoRoots(memory, {
      chunkBytes: MiB,
      signal: controller.signal,
      onProgress: (p) => p.bytesScanned >= 3 * MiB && controller.abort(new Error('stop')),
    });
    await expect(scan).rejects.toThrow('stop');
  });

  it('bounds the hits it keeps', async () => {
    const memory = image();
    for (let i = 0; i < 10; i++) memory.write(0x10000 + i * 4096, Uint8Array.of(0xd0, 0x0d, 0xfe, 0xed));
    const result = await findKhoRoots(memory, { maxHits: 4 });
    expect(result.problems).toEqual([
      { address: 0x14000, message: 'more than 4 pages start with a magic; this one and later ones are ignored' },
    ]);
  });

  it('scans page by page around a chunk that cannot be read', async () => {
    const memory = image();
    placeRoot(memory, { address: 0x11000, compatible: 'kho-v4', map: 'zero' });
    const flaky: PhysicalMemory = {
      kind: 'flaky',
      pageSize: 4096,
      ranges: memory.ranges,
      contains: (a, n) => memory.contains(a, n),
      read: async (a, n) => {
        if (a <= 0x10000 && 0x10000 < a + n) throw new MemoryError('physical', 0x10000, 'test', 'bad page');
        return memory.read(a, n);
      },
    };
    const result = await findKhoRoots(flaky, { chunkBytes: MiB });
    expect(result.problems).toEqual([
      { address: 0x10000, message: '[0x10000, 0x11000) could not be read and was not scanned' },
    ]);
    expect(result.candidates.map((c) => c.address)).toEqual([0x11000]);
  });
});
