import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ByteSource } from '../ByteSource';
import { NodeZlibInflater } from '../compression/NodeZlibInflater';
import type { ImageMemory } from '../ImageMemory';
import { MemoryError } from '../MemoryError';
import { openImage } from '../openImage';
import type { OpenImageOptions } from '../OpenImageOptions';
import type { PhysRange } from '../PhysicalMemory';
import { BytesSource } from '../sources/BytesSource';
import { NodeFileSource } from '../sources/NodeFileSource';
import { SparseMemory } from '../SparseMemory';
import { buildElfCore, flattenPieces } from '../testing/ElfCoreBuilder';
import { buildKdump, flattenStream, type KdumpSpec } from '../testing/NodeKdumpBuilder';
import { compareBytes } from '../testing/sameBytes';
import { ElfMemory } from './ElfMemory';

const PAGE = 4096;
const fill = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 7 + seed * 13 + (i >> 9)) & 0xff);
/** A target full of a marker, so bytes a read did not write stand out. */
const dirty = (length: number) => new Uint8Array(length).fill(0xa5);
// Small file chunks, so reads of a few pages already bypass the chunk cache.
const smallCache: OpenImageOptions = { limits: { cacheChunkBytes: PAGE, cacheBytes: 8 * PAGE } };

/** One container under test, and what its memory must read as (a flat model of physical memory). */
interface Case {
  name: string;
  memory: () => Promise<ReadIntoMemory>;
  ram: PhysRange[];
  /** Expected bytes from physical address 0 up to the end of the last range. */
  model: Uint8Array;
}

/** A container's memory, which must read into a caller's buffer itself (not through the `read` fallback). */
type ReadIntoMemory = ImageMemory & Required<Pick<ImageMemory, 'readInto'>>;

function withReadInto(memory: ImageMemory): ReadIntoMemory {
  if (typeof memory.readInto !== 'function') throw new Error(`${memory.kind} memory has no readInto`);
  return memory as ReadIntoMemory;
}

async function openMemory(source: ByteSource, options: OpenImageOptions = {}): Promise<ReadIntoMemory> {
  const image = await openImage(source, { ...smallCache, inflater: new NodeZlibInflater(), ...options });
  if (image.kind !== 'memory') throw new Error(`expected a memory image, got ${image.kind}`);
  return withReadInto(image.memory);
}

// Raw: 0x23456 bytes at 0x100000 (the last page is partial).
const RAW_BASE = 0x100000;
const rawBytes = fill(0x23456, 1);
const rawModel = new Uint8Array(RAW_BASE + rawBytes.length);
rawModel.set(rawBytes, RAW_BASE);

// ELF: [0, 0x8000) from segment 1; [0x8000, 0xe000) from segment 2, stored up
// to 0xa000, zero tail after (it also wins over segment 3's first 0x2000
// bytes); [0xe000, 0x12000) from segment 3; a hole; [0x100000, 0x103000).
const elfSegments = [
  { paddr: 0, data: fill(0x8000, 2) },
  { paddr: 0x8000, data: fill(0x2000, 3), memsz: 0x6000 },
  { paddr: 0xc000, data: fill(0x6000, 4) },
  { paddr: 0x100000, data: fill(0x3000, 5) },
];
const elfFile = flattenPieces(buildElfCore({ elfClass: 64, littleEndian: true, segments: elfSegments }));
const elfModel = new Uint8Array(0x103000);
elfModel.set(elfSegments[2].data.subarray(0x2000), 0xe000);
elfModel.set(elfSegments[0].data, 0);
elfModel.set(elfSegments[1].data, 0x8000);
elfModel.set(elfSegments[3].data, 0x100000);
const elfRam = [
  { start: 0, end: 0x12000 },
  { start: 0x100000, end: 0x103000 },
];
// The flattened variant leaves out the record at file offset 0x2000, inside
// segment 1's data: that page of the rebuilt file, and so of memory, is zero.
const flatElfModel = elfModel.slice();
const elfDataOffset = findOffset(elfFile, elfSegments[0].data);
flatElfModel.fill(0, 0x2000 - elfDataOffset, 0x3000 - elfDataOffset);

// kdump: RAM pfns [0, 0x20) and [0x40, 0x60); every third RAM page excluded.
const pageOf = (pfn: number) => fill(PAGE, pfn + 6);
const kdumpPages: KdumpSpec['pages'] = new Map();
const kdumpModel = new Uint8Array(0x60 * PAGE);
const codecs = ['zlib', 'lzo', 'snappy', 'none'] as const;
for (const [start, end] of [
  [0, 0x20],
  [0x40, 0x60],
]) {
  for (let pfn = start; pfn < end; pfn++) {
    if (pfn % 3 === 2) continue;
    kdumpPages.set(pfn, { data: pageOf(pfn), compression: codecs[pfn % 4] });
    kdumpModel.set(pageOf(pfn), pfn * PAGE);
  }
}
const kdumpFile = buildKdump({
  blockSize: PAGE,
  maxMapnr: 0x1000,
  ram: [
    [0, 0x20],
    [0x40, 0x60],
  ],
  pages: kdumpPages,
  vmcoreinfo: 'PAGESIZE=4096\n',
});
const kdumpRam = [
  { start: 0, end: 0x20 * PAGE },
  { start: 0x40 * PAGE, end: 0x60 * PAGE },
];

// Sparse: two ranges, a few written pages, the rest zero.
const sparseRam = [
  { start: 0x10000, end: 0x30000 },
  { start: 0x50000, end: 0x58000 },
];
const sparseModel = new Uint8Array(0x58000);
function sparseMemory(): SparseMemory {
  const memory = new SparseMemory(PAGE, sparseRam);
  for (const [address, length] of [
    [0x10000, PAGE],
    [0x12ff0, 0x30],
    [0x20000, 3 * PAGE],
    [0x57000, PAGE],
  ]) {
    const bytes = fill(length, address >> 12);
    memory.write(address, bytes);
    sparseModel.set(bytes, address);
  }
  return memory;
}

/** Where `needle` starts in `haystack` (test data only). */
function findOffset(haystack: Uint8Array, needle: Uint8Array): number {
  for (let at = 0; at + needle.length <= haystack.length; at++) {
    if (haystack[at] === needle[0] && compareBytes(haystack.subarray(at, at + needle.length), needle) === 'equal')
      return at;
  }
  throw new Error('not found');
}

describe('readInto on every container', () => {
  let dir: string;
  let rawFile: NodeFileSource;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'khoscope-readinto-'));
    await writeFile(join(dir, 'raw.bin'), rawBytes);
    rawFile = await NodeFileSource.open(join(dir, 'raw.bin'));
  });

  afterAll(async () => {
    await rawFile?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const rawRam = [{ start: RAW_BASE, end: RAW_BASE + rawBytes.length }];
  const cases: Case[] = [
    {
      name: 'raw (bytes)',
      memory: () => openMemory(new BytesSource(rawBytes), { container: 'raw', base: RAW_BASE }),
      ram: rawRam,
      model: rawModel,
    },
    {
      name: 'raw (file on disk)',
      memory: () => openMemory(rawFile, { container: 'raw', base: RAW_BASE }),
      ram: rawRam,
      model: rawModel,
    },
    { name: 'ELF core', memory: () => openMemory(new BytesSource(elfFile)), ram: elfRam, model: elfModel },
    {
      name: 'flattened ELF core',
      memory: () =>
        openMemory(
          new BytesSource(flattenStream(elfFile, { recordBytes: PAGE, reverse: true, omitRecordsAt: [0x2000] })),
        ),
      ram: elfRam,
      model: flatElfModel,
    },
    { name: 'kdump', memory: () => openMemory(new BytesSource(kdumpFile)), ram: kdumpRam, model: kdumpModel },
    {
      name: 'flattened kdump',
      memory: () => openMemory(new BytesSource(flattenStream(kdumpFile, { recordBytes: 5000, reverse: true }))),
      ram: kdumpRam,
      model: kdumpModel,
    },
    { name: 'sparse', memory: async () => withReadInto(sparseMemory()), ram: sparseRam, model: sparseModel },
  ];

  for (const c of cases) {
    it(`${c.name}: fills a used buffer with exactly the bytes read() gives, anywhere inside RAM`, async () => {
      const memory = await c.memory();
      expect(memory.ranges).toEqual(c.ram);
      const span = fc
        .record({
          range: fc.nat(c.ram.length - 1),
          from: fc.double({ min: 0, max: 1, noNaN: true }),
          to: fc.double({ min: 0, max: 1, noNaN: true }),
        })
        .map(({ range, from, to }) => {
          const r = c.ram[range];
          const a = r.start + Math.floor(Math.min(from, to) * (r.end - r.start));
          const b = r.start + Math.ceil(Math.max(from, to) * (r.end - r.start));
          return { address: a, length: b - a };
        });
      await fc.assert(
        fc.asyncProperty(span, async ({ address, length }) => {
          const expected = c.model.subarray(address, address + length);
          const target = dirty(length);
          await memory.readInto(address, target);
          expect(compareBytes(target, expected), `readInto 0x${address.toString(16)} +0x${length.toString(16)}`).toBe(
            'equal',
          );
          expect(
            compareBytes(await memory.read(address, length), expected),
            `read 0x${address.toString(16)} +0x${length.toString(16)}`,
          ).toBe('equal');
        }),
        { numRuns: 40 },
      );
      // Whole ranges, as the root scan reads them.
      for (const r of c.ram) {
        const target = dirty(r.end - r.start);
        await memory.readInto(r.start, target);
        expect(compareBytes(target, c.model.subarray(r.start, r.end))).toBe('equal');
      }
    });

    it(`${c.name}: rejects spans that touch a hole, as read() does`, async () => {
      const memory = await c.memory();
      const last = c.ram[c.ram.length - 1];
      const spans: Array<[number, number]> = [
        [last.end - 16, 32],
        [last.end, 1],
        [c.ram[0].start - 1, 8],
        [c.ram[0].end - 8, c.ram[1]?.start === undefined ? 16 : c.ram[1].start - c.ram[0].end + 16],
        [-PAGE, 8],
      ];
      for (const [address, length] of spans) {
        await expect(memory.readInto(address, dirty(length)), `0x${address.toString(16)} +${length}`).rejects.toThrow(
          MemoryError,
        );
        await expect(memory.read(address, length)).rejects.toThrow(MemoryError);
      }
    });
  }

  it('ELF: a tail past p_filesz is zeroed in a used buffer, not left as it was', async () => {
    const memory = await openMemory(new BytesSource(elfFile));
    const target = dirty(0x20);
    await memory.readInto(0x9ff0, target);
    expect(target.subarray(0, 16)).toEqual(elfSegments[1].data.subarray(0x1ff0));
    expect(target.subarray(16)).toEqual(new Uint8Array(16));
    expect(await memory.pageState(0xb000)).toBe('zero-fill');
  });

  it('kdump: excluded pages are zeroed in a used buffer', async () => {
    const memory = await openMemory(new BytesSource(kdumpFile));
    const target = dirty(3 * PAGE);
    await memory.readInto(PAGE, target);
    expect(target.subarray(0, PAGE)).toEqual(pageOf(1));
    expect(target.subarray(PAGE, 2 * PAGE)).toEqual(new Uint8Array(PAGE));
    expect(target.subarray(2 * PAGE)).toEqual(pageOf(3));
    expect(await memory.pageState(2 * PAGE)).toBe('excluded');
  });

  it('does not settle while one of its file reads still writes into the target', async () => {
    // Segment 0's read fails at once; segment 1's finishes later. Rejecting at
    // the first failure would let that late write land in a buffer the
    // caller has already handed to its next read.
    let lateWriteDone = false;
    const source: ByteSource = {
      name: 'slow',
      size: 2 * PAGE,
      read: async () => new Uint8Array(0),
      readInto: async (offset, target) => {
        if (offset === 0) throw new MemoryError('file', 0, 'test', 'bad sector');
        await new Promise((resolve) => setTimeout(resolve, 20));
        target.fill(0x11);
        lateWriteDone = true;
        return target.length;
      },
    };
    const segments = [0, 1].map((k) => ({ index: k, paddr: k * PAGE, memsz: PAGE, filesz: PAGE, offset: k * PAGE }));
    const memory = withReadInto(
      new ElfMemory(
        source,
        segments,
        [0, 1].map((k) => ({ start: k * PAGE, end: (k + 1) * PAGE, owner: k })),
        PAGE,
      ),
    );
    await expect(memory.readInto(0, dirty(2 * PAGE))).rejects.toThrow(/bad sector/);
    expect(lateWriteDone).toBe(true);
  });
});
