import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeZlibInflater } from '../compression/NodeZlibInflater';
import { MemoryError } from '../MemoryError';
import { openImage } from '../openImage';
import type { OpenImageOptions } from '../OpenImageOptions';
import { BytesSource } from '../sources/BytesSource';
import { buildElfCore, flattenPieces, type ElfCoreSpec } from '../testing/ElfCoreBuilder';
import { buildKdump, flattenStream, type KdumpSpec } from '../testing/NodeKdumpBuilder';

const PAGE = 4096;
const options: OpenImageOptions = { inflater: new NodeZlibInflater() };
const open = (bytes: Uint8Array, extra: OpenImageOptions = {}) =>
  openImage(new BytesSource(bytes, 'hostile'), { ...options, ...extra });

/** Opens, then reads and probes a few pages; resolves with 'ok' or the MemoryError message; anything else fails the test. */
async function exercise(bytes: Uint8Array): Promise<string> {
  try {
    const image = await open(bytes, { limits: { maxBitmapBytes: 1 << 20, maxSegments: 4096, maxFlatRecords: 10_000 } });
    if (image.kind === 'memory') {
      for (const range of image.memory.ranges.slice(0, 4)) {
        await image.memory.pageState(range.start);
        await image.memory.read(range.start, Math.min(PAGE * 2, range.end - range.start)).catch((e: unknown) => {
          if (!(e instanceof MemoryError)) throw e;
        });
      }
    }
    return 'ok';
  } catch (error) {
    if (error instanceof MemoryError) return error.message;
    throw error;
  }
}

function elfSpec(): ElfCoreSpec {
  return {
    elfClass: 64,
    littleEndian: true,
    notes: [{ name: 'VMCOREINFO', type: 0, desc: new TextEncoder().encode('PAGESIZE=4096\n') }],
    segments: [
      { paddr: 0, data: new Uint8Array(2 * PAGE).fill(1) },
      { paddr: 0x100000, data: new Uint8Array(PAGE).fill(2), memsz: 4 * PAGE },
    ],
  };
}

function kdumpSpec(): KdumpSpec {
  const pages: KdumpSpec['pages'] = new Map();
  for (let pfn = 0; pfn < 24; pfn++)
    pages.set(pfn, {
      data: new Uint8Array(PAGE).fill(pfn),
      compression: (['zlib', 'lzo', 'snappy', 'none'] as const)[pfn % 4],
    });
  return { blockSize: PAGE, maxMapnr: 64, ram: [[0, 32]], pages, vmcoreinfo: 'PAGESIZE=4096\n' };
}

describe('hostile ELF cores', () => {
  const build = (change: (spec: ElfCoreSpec) => void) => {
    const spec = elfSpec();
    change(spec);
    return flattenPieces(buildElfCore(spec));
  };

  it('refuses lying and impossible program headers with the header named', async () => {
    await expect(open(build((s) => (s.segments[0].filesz = 1 << 30)))).rejects.toThrow(
      /ELF program header 1 .*run past the end of the .*lying p_filesz/,
    );
    await expect(open(build((s) => (s.segments[1].memsz = 16)))).rejects.toThrow(
      /p_filesz 0x1000 is larger than p_memsz 0x10/,
    );
    await expect(open(build((s) => (s.segments[0].paddr = 2n ** 60n)))).rejects.toThrow(/does not fit below 2\^53/);
    const hugeOffset = build(() => undefined);
    new DataView(hugeOffset.buffer).setBigUint64(64 + 56 + 8, 2n ** 53n + 8n, true);
    await expect(open(hugeOffset)).rejects.toThrow(
      /ELF program header 1 at file offset 0x80: p_offset 0x20000000000008 does not fit below 2\^53/,
    );
    await expect(open(build((s) => (s.type = 2)))).rejects.toThrow(/not ET_CORE/);
    await expect(
      open(
        build(() => undefined),
        { limits: { maxSegments: 2 } },
      ),
    ).rejects.toThrow(/3 program headers exceed the limit of 2/);
    await expect(
      open(
        build(() => undefined),
        { limits: { maxNoteBytes: 8 } },
      ),
    ).rejects.toThrow(/note segments total more than the 8-byte limit/);
  });

  it('refuses truncated files', async () => {
    const bytes = build(() => undefined);
    await expect(open(bytes.subarray(0, bytes.length - 100))).rejects.toThrow(/truncated file/);
    await expect(open(bytes.subarray(0, 100))).rejects.toThrow(/ELF program header table .*needs/);
    await expect(open(bytes.subarray(0, 20))).rejects.toThrow(/ELF header/);
  });

  it('refuses bad identification and header fields', async () => {
    const bytes = build(() => undefined);
    const patched = (at: number, value: number) => {
      const copy = bytes.slice();
      copy[at] = value;
      return copy;
    };
    await expect(open(patched(4, 3))).rejects.toThrow(/EI_CLASS 3/);
    await expect(open(patched(5, 0))).rejects.toThrow(/EI_DATA 0/);
    await expect(open(patched(54, 40))).rejects.toThrow(/e_phentsize 40 is not 56/);
    const xnum = bytes.slice();
    xnum[56] = 0xff;
    xnum[57] = 0xff;
    await expect(open(xnum)).rejects.toThrow(/PN_XNUM but there is no valid section header 0/);
  });

  it('turns a malformed note into a warning, not a failure', async () => {
    const bytes = build(() => undefined);
    // n_descsz of the VMCOREINFO note (PT_NOTE data starts right after the 3 program headers).
    new DataView(bytes.buffer).setUint32(64 + 3 * 56 + 4, 0xfffffff0, true);
    const image = await open(bytes);
    expect(image.kind === 'memory' && image.warnings.join()).toMatch(/runs past the note segment/);
  });
});

describe('hostile kdump files', () => {
  const base = () => buildKdump(kdumpSpec());
  const field = (bytes: Uint8Array, at: number, value: number, size: 4 | 8 = 4) => {
    const copy = bytes.slice();
    const view = new DataView(copy.buffer);
    if (size === 4) view.setUint32(at, value, true);
    else view.setBigUint64(at, BigInt(value), true);
    return copy;
  };

  it('refuses bad header fields with the field named', async () => {
    await expect(open(field(base(), 8, 0))).rejects.toThrow(/header_version 0/);
    await expect(open(field(base(), 428, 3000))).rejects.toThrow(/block_size 3000/);
    await expect(open(field(base(), 436, 0))).rejects.toThrow(/bitmap_blocks 0 cannot hold a bitmap of max_mapnr 64/);
    await expect(open(field(base(), PAGE + 96, 0, 8))).rejects.toThrow(/max_mapnr is 0/);
    await expect(open(field(base(), PAGE + 96, 2 ** 45, 8))).rejects.toThrow(/reach past 2\^53/);
    await expect(open(field(base(), 436, 10_000), { limits: { maxBitmapBytes: 1 << 20 } })).rejects.toThrow(
      /exceed the 1048576-byte limit/,
    );
    await expect(open(field(base(), 436, 1000))).rejects.toThrow(/truncated file/);
    await expect(open(field(base(), PAGE + 40, 1 << 30, 8))).rejects.toThrow(/VMCOREINFO size 1073741824 exceeds/);
    await expect(open(field(base(), PAGE + 32, 1 << 30, 8))).rejects.toThrow(
      /VMCOREINFO .* lies past the end of the file/,
    );
  });

  it('refuses truncated files at open or at the page that is missing', async () => {
    const bytes = base();
    await expect(open(bytes.subarray(0, 300))).rejects.toThrow(MemoryError);
    await expect(open(bytes.subarray(0, 3 * PAGE))).rejects.toThrow(/truncated/);
    const image = await open(bytes.subarray(0, bytes.length - 2000));
    if (image.kind !== 'memory') throw new Error('memory expected');
    await expect(image.memory.read(23 * PAGE, PAGE)).rejects.toThrow(
      /lies past the end of the file \(truncated or incomplete dump\)/,
    );
  });

  it('names a page descriptor whose data offset lies past the end of the file, however large (either byte order)', async () => {
    for (const littleEndian of [true, false]) {
      const spec = { ...kdumpSpec(), littleEndian };
      const bytes = buildKdump(spec);
      // Descriptors start after the header, sub-header and two bitmap blocks; pfn k has descriptor k.
      const descriptor = (pfn: number) => new DataView(bytes.buffer, 4 * PAGE + 24 * pfn, 24);
      const size = descriptor(7).getUint32(8, littleEndian);
      const cases: Array<[number, bigint]> = [
        [7, BigInt(bytes.length - size + 1)], // one byte past the end
        [8, 2n ** 53n + 5n], // past any safe number: must not be rounded into the file
        [9, 0xfedcba9876543210n],
      ];
      for (const [pfn, offset] of cases) descriptor(pfn).setBigUint64(0, offset, littleEndian);
      descriptor(10).setBigUint64(0, BigInt(bytes.length - descriptor(10).getUint32(8, littleEndian)), littleEndian);
      const image = await open(bytes);
      if (image.kind !== 'memory') throw new Error('memory expected');
      for (const [pfn, offset] of cases) {
        const stored = descriptor(pfn).getUint32(8, littleEndian);
        await expect(image.memory.read(pfn * PAGE, 8)).rejects.toThrow(
          `kdump page descriptor ${pfn} (page 0x${(pfn * PAGE).toString(16)}) at file offset 0x${(4 * PAGE + 24 * pfn).toString(16)}: data [0x${offset.toString(16)}, +${stored}) lies past the end of the file (truncated or incomplete dump)`,
        );
      }
      // Data ending exactly at the end of the file is inside it: not refused as past the end
      // (it is another page's bytes, so its decoder may still refuse it).
      const outcome = await image.memory.read(10 * PAGE, 8).then(
        () => 'read',
        (error: unknown) => String(error),
      );
      expect(outcome).not.toMatch(/past the end/);
    }
  });

  it('refuses a 2nd bitmap claiming more pages than there are descriptors', async () => {
    const spec = kdumpSpec();
    const bytes = buildKdump(spec);
    // 2nd bitmap: mark pfn 24..31 as dumped although only 24 descriptors exist.
    bytes[3 * PAGE + 3] = 0xff;
    const image = await open(bytes);
    if (image.kind !== 'memory') throw new Error('memory expected');
    await expect(image.memory.read(31 * PAGE, PAGE)).rejects.toThrow(MemoryError);
  });

  it('refuses fragmented bitmaps beyond the range limit', async () => {
    const pages: KdumpSpec['pages'] = new Map();
    const ram: Array<[number, number]> = [];
    for (let pfn = 0; pfn < 64; pfn += 2) ram.push([pfn, pfn + 1]);
    await expect(
      open(buildKdump({ blockSize: PAGE, maxMapnr: 64, ram, pages }), { limits: { maxRanges: 10 } }),
    ).rejects.toThrow(/more than 10 runs of pages/);
  });

  it('refuses compression bombs and oversize descriptors page by page', async () => {
    const spec = kdumpSpec();
    const bomb = new Uint8Array(deflateSync(new Uint8Array(2 << 20)));
    expect(bomb.length).toBeLessThan(PAGE);
    spec.pages.set(1, { stored: bomb, flags: 0x1 });
    spec.pages.set(2, { stored: Uint8Array.from([0x11, 0, 0]), flags: 0x2 });
    spec.pages.set(3, { stored: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]), flags: 0x4 });
    spec.pages.set(4, { stored: new Uint8Array(PAGE + 1), flags: 0 });
    spec.pages.set(5, { stored: new Uint8Array(16), flags: 0x20 });
    const image = await open(buildKdump(spec));
    if (image.kind !== 'memory') throw new Error('memory expected');
    await expect(image.memory.read(PAGE, 8)).rejects.toThrow(/inflates past 4096 bytes/);
    await expect(image.memory.read(2 * PAGE, 8)).rejects.toThrow(/stream ends after 0 bytes, expected 4096/);
    await expect(image.memory.read(3 * PAGE, 8)).rejects.toThrow(/declares 4294967295 bytes/);
    await expect(image.memory.read(4 * PAGE, 8)).rejects.toThrow(
      /stored size 4097 is not between 1 and the 4096-byte page size/,
    );
    await expect(image.memory.read(5 * PAGE, 8)).rejects.toThrow(/zstd/);
    expect(await image.memory.read(6 * PAGE, 8)).toEqual(new Uint8Array(8).fill(6));
  });
});

describe('hostile flattened streams', () => {
  const stream = () => flattenStream(buildKdump(kdumpSpec()), { recordBytes: 8192 });

  it('refuses truncation, negative fields, oversize records and too many records', async () => {
    const bytes = stream();
    await expect(open(bytes.subarray(0, bytes.length - 16))).rejects.toThrow(/ends without the end marker/);
    await expect(open(bytes.subarray(0, bytes.length - 100))).rejects.toThrow(/runs past the end of the stream/);
    await expect(open(bytes.subarray(0, 2000))).rejects.toThrow(/shorter than its 4096-byte header/);
    const negative = bytes.slice();
    new DataView(negative.buffer).setBigInt64(4096, -5n);
    await expect(open(negative)).rejects.toThrow(/negative or reach past 2\^53/);
    const badType = bytes.slice();
    new DataView(badType.buffer).setBigInt64(16, 2n);
    await expect(open(badType)).rejects.toThrow(/type 2 is not the flattened format/);
    await expect(open(bytes, { limits: { maxFlatRecords: 3 } })).rejects.toThrow(/more than 3 records/);
  });
});

describe('fuzzed headers (fast-check): only MemoryError, bounded time', () => {
  const seeds: Array<[string, Uint8Array, number]> = [
    ['ELF64 LE', flattenPieces(buildElfCore(elfSpec())), 512],
    ['ELF32 BE', flattenPieces(buildElfCore({ ...elfSpec(), elfClass: 32, littleEndian: false })), 400],
    ['kdump', buildKdump(kdumpSpec()), 4 * PAGE + 24 * 24],
    ['flattened kdump', flattenStream(buildKdump(kdumpSpec()), { recordBytes: 3000 }), 4096 + 64],
  ];
  for (const [label, seed, headerBytes] of seeds) {
    it(`mutating ${label} header bytes`, async () => {
      const started = Date.now();
      const outcomes = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              at: fc.integer({ min: 0, max: headerBytes - 1 }),
              value: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 0xff, 0x7f, 0x80)),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          async (edits) => {
            const bytes = seed.slice();
            for (const { at, value } of edits) bytes[at] = value;
            outcomes.add((await exercise(bytes)) === 'ok' ? 'opened' : 'refused');
          },
        ),
        // A fixed seed: with a random one, all 150 mutations now and then miss every
        // byte the decoder checks, and the "both outcomes" assertion below flakes.
        { numRuns: 150, seed: 20261207 },
      );
      // Both outcomes must occur, or the mutations are not reaching the decoder.
      expect([...outcomes].sort()).toEqual(['opened', 'refused']);
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  }

  it('mutating whole 64-bit kdump fields with extreme values', async () => {
    const seed = buildKdump(kdumpSpec());
    const fields = [
      8,
      424,
      428,
      432,
      436,
      440,
      PAGE + 32,
      PAGE + 40,
      PAGE + 48,
      PAGE + 56,
      PAGE + 96,
      4 * PAGE,
      4 * PAGE + 8,
      4 * PAGE + 12,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff, 4095, 4097, 1 << 20),
        async (at, value) => {
          const bytes = seed.slice();
          new DataView(bytes.buffer).setUint32(at, value, true);
          expect(typeof (await exercise(bytes))).toBe('string');
        },
      ),
      { numRuns: 100 },
    );
  });
});
