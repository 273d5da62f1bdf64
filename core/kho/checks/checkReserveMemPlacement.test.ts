import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import type { FdtNode } from '../../fdt/FdtDocument';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u64 } from '../../bytes/encoders';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { describeKernelFacts } from '../kernel/describeKernelFacts';
import { kernelImageRange } from '../kernel/kernelImageRange';
import { checkReserveMemPlacement, placementUnchecked } from './checkReserveMemPlacement';

/** The VMCOREINFO lines of the real Linux 7.3.4 fixture that place its kernel image (x86_64). */
const X86_VMCOREINFO = new Map([
  ['OSRELEASE', '7.3.4'],
  ['SYMBOL(init_uts_ns)', 'ffffffff816dcc00'],
  ['SYMBOL(_stext)', 'ffffffff81000000'],
  ['SYMBOL(mem_map)', 'ffffffff817bd5e0'],
  ['SYMBOL(mem_section)', 'ffff88801fc3cd00'],
  ['SYMBOL(vmemmap)', 'ffffea0000000000'],
  ['NUMBER(phys_base)', '0'],
  ['NUMBER(KERNEL_IMAGE_SIZE)', '1073741824'],
]);

const region = (name: string, start: number, size: number) =>
  fdtNode(name, [
    ['compatible', cstring('reserve-mem-v1')],
    ['start', u64(start)],
    ['size', u64(size)],
  ]);
const memblock = (regions: FdtNode[] = []) => fdtBlob([['compatible', cstring('memblock-v1')]], regions);

describe('the kernel image range from VMCOREINFO', () => {
  it('x86_64: _stext through the highest kernel-image symbol, made physical with phys_base', () => {
    // Direct-map and vmemmap symbols (mem_section, vmemmap) lie below _stext and are not the image.
    expect(kernelImageRange(X86_VMCOREINFO)).toEqual({
      range: {
        start: 0x100_0000,
        end: 0x17b_e000,
        endIsLowerBound: true,
        source: 'VMCOREINFO SYMBOL(_stext), its highest kernel symbol, NUMBER(phys_base)',
      },
    });
    const relocated = new Map([...X86_VMCOREINFO, ['NUMBER(phys_base)', '33554432']]);
    expect(kernelImageRange(relocated)).toMatchObject({ range: { start: 0x300_0000, end: 0x37b_e000 } });
  });

  it('arm64: kimage_voffset; an exact _end when named', () => {
    const arm = new Map([
      ['SYMBOL(_stext)', 'ffff800080010000'],
      ['SYMBOL(_end)', 'ffff800082000000'],
      ['NUMBER(kimage_voffset)', '0xffff800040000000'],
    ]);
    expect(kernelImageRange(arm)).toEqual({
      range: {
        start: 0x4001_0000,
        end: 0x4200_0000,
        endIsLowerBound: false,
        source: 'VMCOREINFO SYMBOL(_stext), SYMBOL(_end), NUMBER(kimage_voffset)',
      },
    });
  });

  it('says why when it cannot tell', () => {
    expect(kernelImageRange(undefined)).toEqual({ range: null, why: 'the image has no VMCOREINFO' });
    expect(kernelImageRange(new Map([['OSRELEASE', '7.3.4']]))).toMatchObject({ why: /no SYMBOL\(_stext\)/ });
    expect(kernelImageRange(new Map([['SYMBOL(_stext)', 'ffffffff81000000']]))).toMatchObject({
      why: /neither NUMBER\(phys_base\) \(x86_64\) nor NUMBER\(kimage_voffset\) \(arm64\)/,
    });
    expect(
      kernelImageRange(
        new Map([
          ['SYMBOL(_stext)', 'zz'],
          ['NUMBER(phys_base)', '0'],
        ]),
      ),
    ).toMatchObject({ range: null });
  });
});

describe('reserve-mem placement', () => {
  it('a region over the kernel image is an error; one elsewhere is not', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x400_0000 }] });
    builder.preserve(0x100_0000, 0x20_0000);
    builder.preserve(0x300_0000, 0x40_0000);
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [
        {
          name: 'memblock',
          address: 0x8000,
          blob: memblock([region('demo1', 0x300_0000, 0x40_0000), region('demo2', 0x100_0000, 0x20_0000)]),
        },
      ],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    // Bare memory says nothing about the kernel: nothing is flagged, and that it was not checked is said.
    expect(checkReserveMemPlacement(graph)).toEqual([]);
    expect(placementUnchecked(graph)).toEqual([
      'the KHO scratch areas (not in this image: a debugfs set has them in scratch_phys/scratch_len)',
      'the kernel image (bare physical memory (no container) says nothing about its kernel)',
    ]);
    const range = kernelImageRange(X86_VMCOREINFO);
    if (!range.range) throw new Error(range.why);
    graph.kernel = { ...graph.kernel, kernelImage: range.range };
    expect(checkReserveMemPlacement(graph)).toEqual([
      {
        severity: 'error',
        code: 'reserve-mem-placement',
        message: expect.stringMatching(
          /^reserve-mem demo2 \[0x1000000, 0x1200000\) overlaps the kernel image \[0x1000000, 0x17be000 at least\) \(VMCOREINFO .*\): that is kernel code and data/,
        ),
        location: { fragment: expect.any(String), node: '/demo2', property: 'start', address: 0x100_0000 },
      },
    ]);
    expect(describeKernelFacts(graph)).toEqual([
      'kernel image: [0x1000000, 0x17be000 at least) from VMCOREINFO SYMBOL(_stext), its highest kernel symbol, NUMBER(phys_base)',
      'reserve-mem placement not checked against the KHO scratch areas (not in this image: a debugfs set has them in scratch_phys/scratch_len)',
    ]);
  });

  it('a debugfs set: a region in a scratch area is an error, and its cmdline file is the command line judged', async () => {
    const rootFdt = fdtBlob(
      [
        ['compatible', cstring('kho-v4')],
        ['preserved-memory-map', u64(0x239000)],
      ],
      [
        fdtNode('memblock', [
          ['blob-size', u64(400)],
          ['preserved-data', u64(0x184_7000)],
        ]),
      ],
    );
    const text = (s: string) => new TextEncoder().encode(s);
    // The real fixture's scratch areas; demo2 moved into the first one.
    const files = [
      new BytesSource(rootFdt, 'out/fdt'),
      new BytesSource(
        memblock([region('demo1', 0x1f00_0000, 0x40_0000), region('demo2', 0x1b50_0000, 0x20_0000)]),
        'out/sub_fdts/memblock',
      ),
      new BytesSource(text('0x1b400000\n0x1fc00000\n0x10c00000\n'), 'out/scratch_phys'),
      new BytesSource(text('0x3800000\n0x0\n0xa800000\n'), 'out/scratch_len'),
      new BytesSource(text('console=ttyS0 reserve_mem=8M:4096:demo1 reserve_mem=2M:4096:demo2\n'), 'out/cmdline'),
    ];
    const image = await openImage(files);
    if (image.kind !== 'debugfs') throw new Error(image.kind);
    expect(image.cmdline).toBe('console=ttyS0 reserve_mem=8M:4096:demo1 reserve_mem=2M:4096:demo2');
    const graph = await decodeKhoGraph(image);
    expect(graph.kernel.commandLine).toEqual({
      text: 'console=ttyS0 reserve_mem=8M:4096:demo1 reserve_mem=2M:4096:demo2',
      source: 'debugfs cmdline',
    });
    const found = graph.diagnostics.filter((d) => d.code.startsWith('reserve-mem-'));
    expect(found.map((d) => [d.severity, d.code, d.location.node, d.message])).toEqual([
      [
        'error',
        'reserve-mem-placement',
        '/demo2',
        expect.stringMatching(
          /^reserve-mem demo2 \[0x1b500000, 0x1b700000\) overlaps KHO scratch area \[0x1b400000, 0x1ec00000\) \(debugfs scratch_phys\/scratch_len\): the next kernel allocates its early memory there/,
        ),
      ],
      [
        'error',
        'reserve-mem-cmdline',
        '/demo1',
        expect.stringMatching(
          /asks for 0x800000: the next kernel refuses the region \(wrong size\) \(command line from debugfs cmdline\)$/,
        ),
      ],
    ]);
    expect(placementUnchecked(graph)).toEqual(['the kernel image (a debugfs set says nothing about the kernel image)']);
  });

  it('a cmdline file longer than any command line is ignored with a warning', async () => {
    const image = await openImage([
      new BytesSource(fdtBlob([['compatible', cstring('kho-v4')]]), 'fdt'),
      new BytesSource(new Uint8Array(70_000).fill(0x61), 'cmdline'),
    ]);
    if (image.kind !== 'debugfs') throw new Error(image.kind);
    expect(image.cmdline).toBeNull();
    expect(image.warnings).toEqual([expect.stringMatching(/^cmdline is 70000 bytes, more than a kernel command line/)]);
  });
});
