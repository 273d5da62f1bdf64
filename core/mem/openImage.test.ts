import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MemoryError } from './MemoryError';
import { openImage } from './openImage';
import { BlobSource } from './sources/BlobSource';
import { BytesSource } from './sources/BytesSource';
import { buildElfCore, flattenPieces } from './testing/ElfCoreBuilder';

const text = (s: string) => new TextEncoder().encode(s);
/** A minimal FDT header: magic, totalsize — enough for detection (the FDT reader checks the rest). */
function dtb(totalsize: number, length = totalsize): Uint8Array {
  const bytes = new Uint8Array(length);
  new DataView(bytes.buffer).setUint32(0, 0xd00dfeed);
  new DataView(bytes.buffer).setUint32(4, totalsize);
  return bytes;
}

describe('openImage: raw images', () => {
  const data = Uint8Array.from({ length: 0x5000 }, (_, i) => (i * 5) & 0xff);

  it('maps byte 0 to the base address and rejects reads outside', async () => {
    const image = await openImage(new BytesSource(data, 'ram.bin'), { base: 0x80000000 });
    if (image.kind !== 'memory' || image.container !== 'raw') throw new Error('expected raw');
    expect(image.memory.ranges).toEqual([{ start: 0x80000000, end: 0x80005000 }]);
    expect(await image.memory.read(0x80001ffe, 4)).toEqual(data.subarray(0x1ffe, 0x2002));
    await expect(image.memory.read(0x7ffffffc, 8)).rejects.toThrow(/physical address 0x7ffffffc/);
    expect(await image.memory.pageState(0x80004000)).toBe('stored');
    expect(await image.memory.pageState(0x80005000)).toBe('hole');
  });

  it('reports a last partial page as mixed and uses the page-size option', async () => {
    const image = await openImage(new BytesSource(data.subarray(0, 0x4800)), { pageSize: 16384 });
    if (image.kind !== 'memory') throw new Error('expected memory');
    expect(image.pageSize).toBe(16384);
    expect(await image.memory.pageState(0x4000)).toBe('mixed');
  });

  it('reads any file as raw when asked, even one with an ELF magic', async () => {
    const elf = flattenPieces(
      buildElfCore({ elfClass: 64, littleEndian: true, segments: [{ paddr: 0x1000, data: new Uint8Array(4096) }] }),
    );
    const image = await openImage(new BytesSource(elf), { container: 'raw' });
    expect(image.kind === 'memory' && image.container).toBe('raw');
  });

  it('rejects bad options and empty files', async () => {
    await expect(openImage(new BytesSource(data), { base: 0x123 })).rejects.toThrow(/not a page-aligned address/);
    await expect(openImage(new BytesSource(data), { pageSize: 3000 })).rejects.toThrow(/not a power of two/);
    await expect(openImage(new BytesSource(data), { limits: { maxSegments: 0 } })).rejects.toThrow(/maxSegments/);
    await expect(openImage(new BytesSource(new Uint8Array(0), 'empty.bin'))).rejects.toThrow(
      /empty.bin at file offset 0x0: the file is empty/,
    );
    await expect(openImage([])).rejects.toThrow(/no file given/);
  });
});

describe('openImage: detection from content', () => {
  it('detects a lone DTB whatever its name, and keeps a truncated one', async () => {
    const image = await openImage(new BlobSource(new Blob([dtb(405, 233)]), 'memory.raw'));
    expect(image.kind).toBe('dtb');
    if (image.kind === 'dtb') expect(image.bytes.length).toBe(233);
  });

  it('refuses compressed files and the old diskdump format with a reason', async () => {
    await expect(openImage(new BytesSource(new Uint8Array(gzipSync(new Uint8Array(100))), 'x.elf.gz'))).rejects.toThrow(
      /compressed with gzip \(unpack it with gunzip first\)/,
    );
    await expect(openImage(new BytesSource(text('DISKDUMP and more bytes')))).rejects.toThrow(/old diskdump format/);
  });

  it('refuses a flattened stream whose content is neither kdump nor ELF', async () => {
    const stream = new Uint8Array(4096 + 16 + 8 + 16);
    const view = new DataView(stream.buffer);
    stream.set(text('makedumpfile'));
    view.setBigInt64(16, 1n);
    view.setBigInt64(4096, 0n);
    view.setBigInt64(4104, 8n);
    stream.set(text('garbage!'), 4112);
    view.setBigInt64(4120, -1n);
    view.setBigInt64(4128, -1n);
    await expect(openImage(new BytesSource(stream))).rejects.toThrow(/neither a kdump-compressed file nor an ELF core/);
  });

  it('wraps platform read failures in MemoryError', async () => {
    const broken = { name: 'broken', size: 100, read: () => Promise.reject(new Error('EIO')) };
    const error = await openImage(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemoryError);
    expect(String(error)).toMatch(/could not be read: EIO/);
  });
});

describe('openImage: KHO debugfs file sets', () => {
  const files = (prefix: string) => [
    new BytesSource(dtb(405, 233), `${prefix}fdt`),
    new BytesSource(dtb(294), `${prefix}sub_fdts/memblock`),
    new BytesSource(new Uint8Array(32).fill(1), `${prefix}sub_fdts/LUO`),
    new BytesSource(text('0x1b400000\n0x1fc00000\n0x10c00000\n'), `${prefix}scratch_phys`),
    new BytesSource(text('0x3800000\n0x0\n0xa800000\n'), `${prefix}scratch_len`),
  ];

  for (const prefix of ['', 'out/', 'kho/out/', '/sys/kernel/debug/kho/out/']) {
    it(`reads the set with prefix '${prefix}'`, async () => {
      const image = await openImage(files(prefix));
      if (image.kind !== 'debugfs') throw new Error('expected debugfs');
      expect(image.root.length).toBe(233);
      expect([...image.children.keys()].sort()).toEqual(['LUO', 'memblock']);
      expect(image.children.get('LUO')).toEqual(new Uint8Array(32).fill(1));
      expect(image.scratch).toEqual([
        { start: 0x1b400000, size: 0x3800000 },
        { start: 0x1fc00000, size: 0 },
        { start: 0x10c00000, size: 0xa800000 },
      ]);
      expect(image.files.map((f) => f.path).sort()).toEqual([
        'fdt',
        'scratch_len',
        'scratch_phys',
        'sub_fdts/LUO',
        'sub_fdts/memblock',
      ]);
    });
  }

  it('reads the 7.4-rc1 names bootmem_phys/bootmem_len, and says so when a set has both namings', async () => {
    const bootmem = await openImage([
      new BytesSource(dtb(64), 'kho/out/fdt'),
      new BytesSource(text('0x1b400000\n'), 'kho/out/bootmem_phys'),
      new BytesSource(text('0x3800000\n'), 'kho/out/bootmem_len'),
    ]);
    if (bootmem.kind !== 'debugfs') throw new Error('expected debugfs');
    expect(bootmem.scratchNaming).toBe('bootmem');
    expect(bootmem.scratch).toEqual([{ start: 0x1b400000, size: 0x3800000 }]);
    expect(bootmem.warnings).toEqual([]);
    const both = await openImage([...files(''), new BytesSource(text('0x1\n'), 'bootmem_phys')]);
    if (both.kind !== 'debugfs') throw new Error('expected debugfs');
    expect(both.scratchNaming).toBe('bootmem');
    expect(both.warnings.join('\n')).toMatch(/both scratch_\* and bootmem_\* files are present/);
    expect(both.warnings.join('\n')).toMatch(/only bootmem_phys is present/);
  });

  it('ignores unrelated files with a warning and works without scratch files', async () => {
    const image = await openImage([new BytesSource(dtb(64), 'out/fdt'), new BytesSource(text('x'), 'out/.DS_Store')]);
    if (image.kind !== 'debugfs') throw new Error('expected debugfs');
    expect(image.warnings.join()).toMatch(/\.DS_Store: not a KHO debugfs file/);
    expect(image.scratch).toEqual([]);
    expect(image.scratchNaming).toBeNull();
  });

  it('refuses inconsistent sets', async () => {
    await expect(
      openImage([new BytesSource(dtb(64), 'sub_fdts/a'), new BytesSource(dtb(64), 'sub_fdts/b')]),
    ).rejects.toThrow(/no `fdt` file/);
    await expect(
      openImage([new BytesSource(dtb(64), 'in/fdt'), new BytesSource(dtb(64), 'out/sub_fdts/a')]),
    ).rejects.toThrow(/not in the same folder/);
    await expect(
      openImage([new BytesSource(text('nope'), 'fdt'), new BytesSource(dtb(64), 'sub_fdts/a')]),
    ).rejects.toThrow(/FDT magic/);
    await expect(
      openImage([
        new BytesSource(dtb(64), 'fdt'),
        new BytesSource(text('0x1\n0x2\n'), 'scratch_phys'),
        new BytesSource(text('0x1\n'), 'scratch_len'),
      ]),
    ).rejects.toThrow(/2 entries but scratch_len has 1/);
    await expect(
      openImage([
        new BytesSource(dtb(64), 'fdt'),
        new BytesSource(text('12\n'), 'scratch_phys'),
        new BytesSource(text('0x1\n'), 'scratch_len'),
      ]),
    ).rejects.toThrow(/not a 0x-prefixed hex number/);
    await expect(
      openImage([
        new BytesSource(dtb(64), 'fdt'),
        new BytesSource(text('0x20000000000000\n'), 'scratch_phys'),
        new BytesSource(text('0x1\n'), 'scratch_len'),
      ]),
    ).rejects.toThrow(/does not fit below 2\^53/);
    await expect(
      openImage([new BytesSource(dtb(64), 'fdt'), new BytesSource(dtb(64), 'sub_fdts/a')], {
        limits: { maxBlobBytes: 32 },
      }),
    ).rejects.toThrow(/exceed the 32-byte limit/);
    await expect(
      openImage([
        new BytesSource(dtb(64), 'kho/out/fdt'),
        new BytesSource(dtb(64), 'kho/out/sub_fdts/a'),
        new BytesSource(dtb(64), 'kho/out/sub_fdts/a'),
      ]),
    ).rejects.toThrow(/two files named sub_fdts\/a/);
  });

  it('opens a set of maxBlobs files, each child by its own name', async () => {
    const children = Array.from({ length: 4095 }, (_, i) => new BytesSource(dtb(64), `sub_fdts/n${i}`));
    const image = await openImage([new BytesSource(dtb(64), 'fdt'), ...children], { limits: { maxBlobs: 4096 } });
    if (image.kind !== 'debugfs') throw new Error('expected debugfs');
    expect(image.children.size).toBe(4095);
    expect(image.children.has('n4094')).toBe(true);
  });
});
