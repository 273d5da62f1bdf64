import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u32, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';

/**
 * The checks that agree with what a real Linux 7.3.4 kernel does with an
 * image (issue 15, "Checks that agree with the kernel"); `npm run
 * test:kernel` puts the same cases to the kernel itself.
 */

/** RAM with a hole: [0, 1 MiB) and [2 MiB, 3 MiB). */
const RAM = [
  { start: 0, end: 0x10_0000 },
  { start: 0x20_0000, end: 0x30_0000 },
];
const codes = (graph: Awaited<ReturnType<typeof decodeKhoGraph>>) =>
  graph.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('checks that agree with the kernel', () => {
  it("a root child's blob that is not what its owner's ABI says is an error (kho_test led to kernel text)", async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [{ name: 'kho_test', address: 0x8000, blob: new Uint8Array(240).fill(0x90) }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    const wrong = graph.diagnostics.find((d) => d.code === 'wrong-blob');
    expect(wrong).toMatchObject({ severity: 'error', location: { node: '/kho_test', property: 'preserved-data' } });
    expect(wrong?.message).toMatch(
      /not an FDT with compatible "kho-test-v1": the next kernel's kho_test will refuse it/,
    );
  });

  it('a blob preserved only as the tail of a larger block is an error (kho_restore_folio finds no head)', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    const test = fdtBlob(
      [
        ['compatible', cstring('kho-test-v1')],
        ['magic', u32(0x4b484f21, 'le')],
      ],
      [fdtNode('data', [['nr_folios', u32(0, 'le')]])],
    );
    builder.preserve(0x8000, 0x2000); // one order-1 block over 0x8000 and 0x9000
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [{ name: 'kho_test', address: 0x9000, blob: test, preserve: false }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics.find((d) => d.code === 'wrong-map-entry')?.message).toMatch(
      /kho_test's blob at 0x9000 .* the map holds order 1 at 0x8000 there/,
    );
  });

  it('a preserved-data beyond RAM is an error saying the next kernel will panic', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(
      0x1000,
      fdtBlob(
        [
          ['compatible', cstring('kho-v4')],
          ['preserved-memory-map', u64(0)],
        ],
        [fdtNode('kho_test', [['preserved-data', u64(0x4000_0000)]])],
      ),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(codes(graph)).toContain('blob-outside-ram');
    expect(graph.diagnostics.find((d) => d.code === 'blob-outside-ram')?.message).toMatch(/next kernel will panic/);
  });

  it('a preserved-memory-map beyond RAM is an error saying the next kernel will panic', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(
      0x1000,
      fdtBlob([
        ['compatible', cstring('kho-v4')],
        ['preserved-memory-map', u64(0x18_0000)],
      ]),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    const error = graph.diagnostics.find((d) => d.code === 'map-outside-ram');
    expect(error).toMatchObject({ severity: 'error', location: { node: '/', property: 'preserved-memory-map' } });
    expect(error?.message).toMatch(/0x180000 is outside RAM: the next kernel will panic/);
  });

  it('a reserve-mem region whose size or start changed is an error naming reserve_mem=', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.preserve(0x20_0000, 0x4_0000); // demo1 as kernel A preserved it: 256 KiB
    const memblock = fdtBlob(
      [['compatible', cstring('memblock-v1')]],
      [
        fdtNode('demo1', [
          ['compatible', cstring('reserve-mem-v1')],
          ['start', u64(0x20_0000)],
          ['size', u64(0x8_0000)], // edited to 512 KiB
        ]),
      ],
    );
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [{ name: 'memblock', address: 0x8000, blob: memblock }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    const error = graph.diagnostics.find((d) => d.code === 'wrong-map-entry');
    expect(error).toMatchObject({ severity: 'error', location: { node: '/demo1', property: 'start' } });
    expect(error?.message).toMatch(/order 7 at 0x200000.*holds order 6 at 0x200000.*reserve_mem= argument/);
  });
});
