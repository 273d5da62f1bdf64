import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeZlibInflater } from '../compression/NodeZlibInflater';
import type { ByteSource } from '../ByteSource';
import type { MemoryImage, OpenedImage } from '../OpenedImage';
import { openImage } from '../openImage';
import { BlobSource } from '../sources/BlobSource';
import { BytesSource } from '../sources/BytesSource';
import { NodeFileSource } from '../sources/NodeFileSource';
import { buildElfCore, flattenPieces, type ElfCoreSpec } from '../testing/ElfCoreBuilder';
import { buildKdump, flattenStream, type KdumpSpec } from '../testing/NodeKdumpBuilder';
import { compareBytes } from '../testing/sameBytes';
import { exportChunks } from './exportChunks';
import { exportFileToBlob } from './exportFileToBlob';
import { exportImage } from './exportImage';
import type { ExportFile } from './ExportPlan';
import { writeExportPlan } from './NodeExportWriter';

const PAGE = 4096;
const pageOf = (seed: number) => Uint8Array.from({ length: PAGE }, (_, i) => (i * 11 + seed * 29 + (i >> 8)) & 0xff);
const marked = (seed: number) => new Uint8Array(PAGE).fill(0x40 + (seed % 64));

async function bytesOf(file: ExportFile): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  let at = 0;
  for await (const chunk of exportChunks(file, 10_000)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  expect(at).toBe(file.size);
  return out;
}

async function memoryOf(source: ByteSource): Promise<MemoryImage> {
  const image = await openImage(source, { inflater: new NodeZlibInflater() });
  if (image.kind !== 'memory') throw new Error(`expected memory, got ${image.kind}`);
  return image;
}

/** Every page of `before` reads the same in `after`, except the changed ones, which read their new bytes. */
async function expectRoundTrip(
  before: MemoryImage,
  after: MemoryImage,
  changes: Map<number, Uint8Array>,
): Promise<void> {
  for (const range of before.memory.ranges) {
    for (let page = range.start; page < range.end; page += PAGE) {
      const expected = changes.get(page) ?? (await before.memory.read(page, PAGE));
      expect(compareBytes(await after.memory.read(page, PAGE), expected), `page 0x${page.toString(16)}`).toBe('equal');
    }
  }
  for (const [address, bytes] of changes)
    expect(compareBytes(await after.memory.read(address, PAGE), bytes)).toBe('equal');
}

function elfSpec(elfClass: 32 | 64, littleEndian: boolean): ElfCoreSpec {
  return {
    elfClass,
    littleEndian,
    notes: [
      { name: 'CORE', type: 1, desc: new Uint8Array(100).fill(9) },
      { name: 'VMCOREINFO', type: 0, desc: new TextEncoder().encode('OSRELEASE=7.3.4\nPAGESIZE=4096\n') },
    ],
    segments: [
      { paddr: 0, data: Uint8Array.from({ length: 8 * PAGE }, (_, i) => i & 0xff) },
      { paddr: 0x100000, data: pageOf(1), memsz: 6 * PAGE },
      { paddr: 0x200000, data: new Uint8Array(3 * PAGE).fill(3), vaddr: 0xffff888000200000n },
    ],
  };
}

describe('export: ELF cores', () => {
  for (const [elfClass, littleEndian] of [
    [64, true],
    [32, false],
  ] as const) {
    it(`ELF${elfClass} ${littleEndian ? 'LE' : 'BE'}: changed pages, zero-fill tail, new PT_LOADs round-trip`, async () => {
      const before = await memoryOf(
        new BytesSource(flattenPieces(buildElfCore(elfSpec(elfClass, littleEndian))), 'dir/core.elf'),
      );
      const changes = new Map([
        [0x2000, marked(1)], // inside stored bytes
        [0x103000, marked(2)], // in the zero-fill tail: p_filesz grows
        [0x300000, marked(3)], // new, two adjacent pages → one new segment
        [0x301000, marked(4)],
        [0x500000, marked(5)], // new, alone
      ]);
      const plan = await exportImage(before, { pages: changes });
      expect(plan.container).toBe('elf');
      expect(plan.files[0].path).toBe('core.elf');
      const after = await memoryOf(new BytesSource(await bytesOf(plan.files[0])));
      if (after.container !== 'elf' || before.container !== 'elf') throw new Error('ELF expected');
      await expectRoundTrip(before, after, changes);
      expect(after.memory.ranges).toEqual([
        { start: 0, end: 0x8000 },
        { start: 0x100000, end: 0x106000 },
        { start: 0x200000, end: 0x203000 },
        { start: 0x300000, end: 0x302000 },
        { start: 0x500000, end: 0x501000 },
      ]);
      expect(after.elf.programHeaders.length).toBe(before.elf.programHeaders.length + 2);
      expect(after.elf.programHeaders.slice(0, 4).map((ph) => [ph.type, ph.vaddr, ph.paddr, ph.memsz])).toEqual(
        before.elf.programHeaders.map((ph) => [ph.type, ph.vaddr, ph.paddr, ph.memsz]),
      );
      expect(after.elf.programHeaders[2].filesz).toBe(4 * PAGE);
      expect(after.notes.osRelease).toBe('7.3.4');
      expect(after.notes.entries.map((e) => e.name)).toEqual(['CORE', 'VMCOREINFO']);
      expect(await after.memory.pageState(0x104000)).toBe('zero-fill');
      expect(await after.memory.pageState(0x103000)).toBe('stored');
    });
  }

  it('without changes, reproduces every page and keeps unchanged data as lazy slices', async () => {
    const before = await memoryOf(new BytesSource(flattenPieces(buildElfCore(elfSpec(64, true)))));
    const plan = await exportImage(before, {});
    expect(plan.files[0].parts.every((p) => p.kind !== 'memory')).toBe(true);
    await expectRoundTrip(before, await memoryOf(new BytesSource(await bytesOf(plan.files[0]))), new Map());
  });

  it('refuses pages that straddle a segment edge, misaligned or wrong-sized pages, and ELF32 addresses above 4 GiB', async () => {
    const image = await memoryOf(
      new BytesSource(
        flattenPieces(
          buildElfCore({
            elfClass: 64,
            littleEndian: true,
            segments: [{ paddr: 0x800, data: new Uint8Array(2 * PAGE) }],
          }),
        ),
      ),
    );
    await expect(exportImage(image, { pages: new Map([[0x2000, marked(1)]]) })).rejects.toThrow(
      /straddles the edge of a segment/,
    );
    await expect(exportImage(image, { pages: new Map([[0x1800, marked(1)]]) })).rejects.toThrow(
      /not a multiple of the 4096-byte page size/,
    );
    await expect(exportImage(image, { pages: new Map([[0x1000, new Uint8Array(10)]]) })).rejects.toThrow(
      /holds 10 bytes, expected 4096/,
    );
    await expect(exportImage(image, { blobs: new Map([['fdt', new Uint8Array(4)]]) })).rejects.toThrow(/no blob files/);
    const elf32 = await memoryOf(new BytesSource(flattenPieces(buildElfCore(elfSpec(32, true)))));
    await expect(exportImage(elf32, { pages: new Map([[0x100000000, marked(1)]]) })).rejects.toThrow(
      /does not fit an ELF32 field/,
    );
  });
});

describe('export: raw images', () => {
  const data = Uint8Array.from({ length: 6 * PAGE }, (_, i) => (i * 3) & 0xff);

  it('keeps the size, patches the pages, and refuses pages outside', async () => {
    const before = await memoryOf(new BytesSource(data, 'ram.bin'));
    const changes = new Map([
      [0x1000, marked(1)],
      [0x5000, marked(2)],
    ]);
    const plan = await exportImage(before, { pages: changes });
    expect(plan.container).toBe('raw');
    expect(plan.files[0].size).toBe(data.length);
    await expectRoundTrip(before, await memoryOf(new BytesSource(await bytesOf(plan.files[0]))), changes);
    await expect(exportImage(before, { pages: new Map([[0x6000, marked(3)]]) })).rejects.toThrow(
      /outside the raw image \[0x0, 0x6000\)/,
    );
  });

  it('exports as ELF on request, which can hold new pages', async () => {
    const before = await openImage(new BytesSource(data, 'ram.bin'), { base: 0x40000000 });
    if (before.kind !== 'memory') throw new Error('memory expected');
    const changes = new Map([
      [0x40001000, marked(1)],
      [0x80000000, marked(2)],
    ]);
    const plan = await exportImage(before, { pages: changes }, { container: 'elf' });
    expect(plan.files[0].path).toBe('ram.bin.elf');
    const after = await memoryOf(new BytesSource(await bytesOf(plan.files[0])));
    expect(after.container).toBe('elf');
    await expectRoundTrip(before, after, changes);
  });
});

describe('export: kdump as ELF', () => {
  function spec(): KdumpSpec {
    const pages: KdumpSpec['pages'] = new Map();
    const ram: Array<[number, number]> = [
      [0, 16],
      [32, 48],
      [56, 60],
    ];
    for (const [start, end] of ram)
      for (let pfn = start; pfn < end; pfn++)
        if (pfn % 4 !== 3 && pfn !== 32 && pfn !== 56)
          pages.set(pfn, { data: pageOf(pfn), compression: (['zlib', 'lzo', 'snappy'] as const)[pfn % 3] });
    return {
      blockSize: PAGE,
      maxMapnr: 64,
      ram,
      pages,
      vmcoreinfo: 'OSRELEASE=7.3.4\nPAGESIZE=4096\n',
      machine: 'aarch64',
      littleEndian: false,
    };
  }

  for (const flattened of [false, true]) {
    it(`${flattened ? 'flattened ' : ''}kdump: dumped pages stored, excluded pages zero-fill, changes and new pages applied`, async () => {
      const file = buildKdump(spec());
      const before = await memoryOf(
        new BytesSource(flattened ? flattenStream(file, { recordBytes: 5000 }) : file, 'vmcore'),
      );
      const changes = new Map([
        [3 * PAGE, marked(1)], // was excluded
        [5 * PAGE, marked(2)], // was dumped
        [32 * PAGE, marked(3)], // excluded first page of a range
        [100 * PAGE, marked(4)], // outside RAM
      ]);
      const plan = await exportImage(before, { pages: changes });
      expect(plan.container).toBe('elf');
      expect(plan.files[0].path).toBe('vmcore.elf');
      const after = await memoryOf(new BytesSource(await bytesOf(plan.files[0])));
      if (after.container !== 'elf') throw new Error('ELF expected');
      expect(after.elf.littleEndian).toBe(false);
      expect(after.elf.machine).toBe(183);
      expect(after.notes.osRelease).toBe('7.3.4');
      await expectRoundTrip(before, after, changes);
      expect(after.memory.ranges).toEqual([
        { start: 0, end: 16 * PAGE },
        { start: 32 * PAGE, end: 48 * PAGE },
        { start: 56 * PAGE, end: 60 * PAGE },
        { start: 100 * PAGE, end: 101 * PAGE },
      ]);
      expect(await after.memory.pageState(7 * PAGE)).toBe('zero-fill');
      expect(await after.memory.pageState(56 * PAGE)).toBe('zero-fill');
      expect(await after.memory.pageState(3 * PAGE)).toBe('stored');
      expect(await after.memory.pageState(33 * PAGE)).toBe('stored');
      // Only stored pages take file space: 25 dumped + 2 formerly excluded, headers and notes (< 1 page), then the new page, page-aligned.
      expect(plan.files[0].size).toBeLessThanOrEqual(29 * PAGE);
    });
  }
});

describe('export: debugfs sets and DTBs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'khoscope-export-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const fdt = (size: number, fill: number) => {
    const bytes = new Uint8Array(size).fill(fill);
    bytes.set([0xd0, 0x0d, 0xfe, 0xed]);
    return bytes;
  };

  it('writes the set as files with changed and new blobs, and it reopens', async () => {
    const image = await openImage([
      new BytesSource(fdt(233, 1), 'kho/out/fdt'),
      new BytesSource(new Uint8Array(32).fill(2), 'kho/out/sub_fdts/LUO'),
      new BytesSource(fdt(100, 3), 'kho/out/sub_fdts/memblock'),
      new BytesSource(new TextEncoder().encode('0x1000\n'), 'kho/out/scratch_phys'),
      new BytesSource(new TextEncoder().encode('0x2000\n'), 'kho/out/scratch_len'),
    ]);
    const plan = await exportImage(image, {
      blobs: new Map([
        ['fdt', fdt(405, 4)],
        ['sub_fdts/LUO', new Uint8Array(40).fill(5)],
        ['sub_fdts/new', fdt(64, 6)],
      ]),
    });
    expect(plan.container).toBe('debugfs');
    const written = await writeExportPlan(plan, join(dir, 'out'));
    expect(written.length).toBe(6);
    const sources = await Promise.all(written.map((path) => NodeFileSource.open(path, path.slice(dir.length + 1))));
    const reopened: OpenedImage = await openImage(sources);
    await Promise.all(sources.map((s) => s.close()));
    if (reopened.kind !== 'debugfs') throw new Error('debugfs expected');
    expect(reopened.root).toEqual(fdt(405, 4));
    expect(reopened.children.get('LUO')).toEqual(new Uint8Array(40).fill(5));
    expect(reopened.children.get('memblock')).toEqual(fdt(100, 3));
    expect(reopened.children.get('new')).toEqual(fdt(64, 6));
    expect(reopened.scratch).toEqual([{ start: 0x1000, size: 0x2000 }]);
    await expect(exportImage(image, { blobs: new Map([['sub_fdts/..', new Uint8Array(1)]]) })).rejects.toThrow(
      /not a debugfs path/,
    );
    await expect(exportImage(image, { pages: new Map([[0, new Uint8Array(PAGE)]]) })).rejects.toThrow(
      /no physical memory/,
    );
  });

  it('keeps the scratch file names the set was written with: 7.4 bootmem_* stays bootmem_*', async () => {
    const text = (value: string) => new TextEncoder().encode(value);
    const image = await openImage([
      new BytesSource(fdt(64, 1), 'kho/out/fdt'),
      new BytesSource(text('0x1000\n'), 'kho/out/bootmem_phys'),
      new BytesSource(text('0x2000\n'), 'kho/out/bootmem_len'),
    ]);
    if (image.kind !== 'debugfs') throw new Error('debugfs expected');
    expect(image.scratchNaming).toBe('bootmem');
    expect(image.scratch).toEqual([{ start: 0x1000, size: 0x2000 }]);
    const plan = await exportImage(image, { blobs: new Map([['scratch_len', text('0x3000\n')]]) });
    expect(plan.files.map((f) => f.path).sort()).toEqual(['bootmem_len', 'bootmem_phys', 'fdt']);
    const len = plan.files.find((f) => f.path === 'bootmem_len')!;
    expect(new TextDecoder().decode(await bytesOf(len))).toBe('0x3000\n');
    const older = await openImage([
      new BytesSource(fdt(64, 1), 'fdt'),
      new BytesSource(text('0x1000\n'), 'scratch_phys'),
      new BytesSource(text('0x2000\n'), 'scratch_len'),
    ]);
    if (older.kind !== 'debugfs') throw new Error('debugfs expected');
    const olderPlan = await exportImage(older, { blobs: new Map([['bootmem_phys', text('0x5000\n')]]) });
    expect(olderPlan.files.map((f) => f.path).sort()).toEqual(['fdt', 'scratch_len', 'scratch_phys']);
  });

  it('exports a lone DTB with new bytes, or unchanged', async () => {
    const image = await openImage(new BytesSource(fdt(64, 1), 'x/tree.dtb'));
    const plan = await exportImage(image, { blobs: new Map([['fdt', fdt(80, 2)]]) });
    expect(plan.files[0].path).toBe('tree.dtb');
    expect(await bytesOf(plan.files[0])).toEqual(fdt(80, 2));
    expect(await bytesOf((await exportImage(image, {})).files[0])).toEqual(fdt(64, 1));
  });
});

describe('export: writers', () => {
  it('Blob export keeps unchanged slices of a BlobSource lazy and matches the streamed bytes', async () => {
    const elf = flattenPieces(buildElfCore(elfSpec(64, true)));
    const source = new BlobSource(new Blob([elf]), 'core.elf');
    const image = await memoryOf(source);
    const plan = await exportImage(image, {
      pages: new Map([
        [0x1000, marked(1)],
        [0x900000, marked(2)],
      ]),
    });
    const file = plan.files[0];
    expect(file.parts.some((p) => p.kind === 'source' && p.source === source)).toBe(true);
    const blob = await exportFileToBlob(file);
    expect(blob.size).toBe(file.size);
    expect(compareBytes(new Uint8Array(await blob.arrayBuffer()), await bytesOf(file))).toBe('equal');
  });

  it('Blob export of decoded memory larger than the 32 MiB sealing step matches the streamed bytes', async () => {
    const data = new Uint8Array(40 << 20);
    for (let page = 0; page < data.length; page += PAGE) data.fill((page >>> 12) & 0xff, page, page + PAGE);
    const image = await memoryOf(new BytesSource(data, 'big.bin'));
    const plan = await exportImage(image, { pages: new Map([[0x2000, marked(1)]]) }, { container: 'elf' });
    expect(plan.files[0].parts.some((p) => p.kind === 'memory')).toBe(true);
    const blob = await exportFileToBlob(plan.files[0]);
    expect(compareBytes(new Uint8Array(await blob.arrayBuffer()), await bytesOf(plan.files[0]))).toBe('equal');
  });

  it('Node writer streams the file to disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khoscope-write-'));
    try {
      const image = await memoryOf(new BytesSource(flattenPieces(buildElfCore(elfSpec(64, true))), 'core.elf'));
      const plan = await exportImage(image, { pages: new Map([[0x1000, marked(1)]]) });
      const [path] = await writeExportPlan(plan, dir);
      expect(path).toBe(join(dir, 'core.elf'));
      expect(compareBytes(new Uint8Array(await readFile(path)), await bytesOf(plan.files[0]))).toBe('equal');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
