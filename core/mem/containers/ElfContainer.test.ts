import { describe, expect, it } from 'vitest';
import { MemoryError } from '../MemoryError';
import type { ElfImage } from '../OpenedImage';
import { openImage } from '../openImage';
import { BytesSource } from '../sources/BytesSource';
import { buildElfCore, flattenPieces, type ElfCoreSpec } from '../testing/ElfCoreBuilder';
import { flattenStream } from '../testing/NodeKdumpBuilder';

const fill = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 7 + seed * 13 + (i >> 9)) & 0xff);
const text = (s: string) => new TextEncoder().encode(s);

function spec(elfClass: 32 | 64, littleEndian: boolean): ElfCoreSpec {
  return {
    elfClass,
    littleEndian,
    notes: [
      { name: 'CORE', type: 1, desc: new Uint8Array(336) },
      { name: 'QEMU', type: 0, desc: new Uint8Array(440) },
      {
        name: 'VMCOREINFO',
        type: 0,
        desc: text('OSRELEASE=7.3.4\nPAGESIZE=16384\nSYMBOL(init_uts_ns)=ffffffff816dcc00\n'),
      },
    ],
    segments: [
      { paddr: 0, data: fill(0x8000, 1) },
      // Stored bytes end at 0x4000 into the segment; the rest of p_memsz reads as zero.
      { paddr: 0x100000, data: fill(0x4000, 2), memsz: 0x10000 },
      { paddr: 0x7ffe0000, data: fill(0x8000, 3) },
    ],
  };
}

async function open(bytes: Uint8Array, options = {}): Promise<ElfImage> {
  const image = await openImage(new BytesSource(bytes, 'core.elf'), options);
  if (image.kind !== 'memory' || image.container !== 'elf') throw new Error(`expected an ELF image, got ${image.kind}`);
  return image;
}

describe('ELF core container', () => {
  for (const elfClass of [32, 64] as const) {
    for (const littleEndian of [true, false]) {
      it(`reads ELF${elfClass} ${littleEndian ? 'LE' : 'BE'}: segments by p_paddr, zero tail, notes`, async () => {
        const image = await open(flattenPieces(buildElfCore(spec(elfClass, littleEndian))));
        expect(image.elf.elfClass).toBe(elfClass);
        expect(image.elf.littleEndian).toBe(littleEndian);
        expect(image.memory.ranges).toEqual([
          { start: 0, end: 0x8000 },
          { start: 0x100000, end: 0x110000 },
          { start: 0x7ffe0000, end: 0x7ffe8000 },
        ]);
        expect(await image.memory.read(0x1000, 64)).toEqual(fill(0x8000, 1).subarray(0x1000, 0x1040));
        const acrossTail = await image.memory.read(0x103ff0, 32);
        expect(acrossTail.subarray(0, 16)).toEqual(fill(0x4000, 2).subarray(0x3ff0));
        expect(acrossTail.subarray(16)).toEqual(new Uint8Array(16));
        expect(await image.memory.read(0x7ffe7ff0, 16)).toEqual(fill(0x8000, 3).subarray(0x7ff0));
        expect(image.notes.osRelease).toBe('7.3.4');
        expect(image.notes.vmcoreinfo?.get('SYMBOL(init_uts_ns)')).toBe('ffffffff816dcc00');
        expect(image.notes.hasQemuNote).toBe(true);
        expect(image.notes.entries.map((e) => `${e.name}/${e.typeName}`)).toEqual([
          'CORE/NT_PRSTATUS',
          'QEMU/QEMU CPU state',
          'VMCOREINFO/VMCOREINFO',
        ]);
        // VMCOREINFO PAGESIZE beats the option.
        expect(image.pageSize).toBe(16384);
        expect(image.memory.pageSize).toBe(16384);
        expect(await image.memory.pageState(0x100000)).toBe('stored');
        expect(await image.memory.pageState(0x10c000)).toBe('zero-fill');
        expect(await image.memory.pageState(0x200000)).toBe('hole');
      });
    }
  }

  it('uses the page-size option without VMCOREINFO, and reports mixed pages', async () => {
    const image = await open(
      flattenPieces(
        buildElfCore({
          elfClass: 64,
          littleEndian: true,
          segments: [{ paddr: 0x1000, data: fill(0x1800, 1), memsz: 0x3000 }],
        }),
      ),
      { pageSize: 4096 },
    );
    expect(image.pageSize).toBe(4096);
    expect(image.notes.vmcoreinfo).toBeUndefined();
    expect(await image.memory.pageState(0x2000)).toBe('mixed');
    expect(await image.memory.pageState(0x3000)).toBe('zero-fill');
  });

  it('rejects reads into holes and past the end with the address named', async () => {
    const image = await open(flattenPieces(buildElfCore(spec(64, true))));
    await expect(image.memory.read(0x7ff0, 0x20)).rejects.toThrow(/physical address 0x7ff0/);
    await expect(image.memory.read(0x200000, 1)).rejects.toThrow(MemoryError);
    expect(image.memory.contains(0x7ff0, 0x10)).toBe(true);
    expect(image.memory.contains(0x7ff0, 0x11)).toBe(false);
  });

  it('merges touching segments into one range and reads across them', async () => {
    const image = await open(
      flattenPieces(
        buildElfCore({
          elfClass: 64,
          littleEndian: true,
          segments: [
            { paddr: 0x2000, data: fill(0x1000, 2) },
            { paddr: 0x1000, data: fill(0x1000, 1) },
          ],
        }),
      ),
    );
    expect(image.memory.ranges).toEqual([{ start: 0x1000, end: 0x3000 }]);
    const bytes = await image.memory.read(0x1ff8, 16);
    expect(bytes.subarray(0, 8)).toEqual(fill(0x1000, 1).subarray(0xff8));
    expect(bytes.subarray(8)).toEqual(fill(0x1000, 2).subarray(0, 8));
  });

  it('overlapping segments: the first listed wins with a warning, or the file is refused', async () => {
    const bytes = flattenPieces(
      buildElfCore({
        elfClass: 64,
        littleEndian: true,
        segments: [
          { paddr: 0x100000, vaddr: 0xffffffff81000000n, data: new Uint8Array(0x2000).fill(0xaa) },
          { paddr: 0, data: new Uint8Array(0x200000).fill(0x55) },
        ],
      }),
    );
    const image = await open(bytes);
    expect(image.warnings.join()).toMatch(
      /PT_LOAD segments 0 \[0x100000, 0x102000\) and 1 \[0x0, 0x200000\) overlap: the segment listed first/,
    );
    expect(image.memory.ranges).toEqual([{ start: 0, end: 0x200000 }]);
    expect((await image.memory.read(0xfffff, 2)).join()).toBe('85,170');
    expect((await image.memory.read(0x101fff, 2)).join()).toBe('170,85');
    await expect(open(bytes, { overlappingSegments: 'reject' })).rejects.toThrow(/overlap/);
  });

  it('reads PN_XNUM program header counts from section header 0', async () => {
    const image = await open(flattenPieces(buildElfCore({ ...spec(64, false), pnXnum: true })));
    expect(image.memory.ranges.length).toBe(3);
  });

  it('opens an ELF core wrapped in a flattened stream (makedumpfile -E -F)', async () => {
    const elf = flattenPieces(buildElfCore(spec(64, true)));
    const image = await openImage(
      new BytesSource(flattenStream(elf, { recordBytes: 4000, reverse: true }), 'core.flat'),
    );
    expect(image.kind === 'memory' && image.container === 'elf' && image.flattened).toBe(true);
    if (image.kind !== 'memory') return;
    expect(await image.memory.read(0x7ffe0000, 0x8000)).toEqual(fill(0x8000, 3));
  });
});
