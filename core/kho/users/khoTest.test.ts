import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { encodeVmallocChunk, encodeVmallocDescriptor } from '../../build/rawStructs';
import { cstring, u32, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { KHO_TEST_MAGIC } from './khoTest';

const FOLIOS = [
  { address: 0x40_0000, order: 2 },
  { address: 0x41_0000, order: 0 },
  { address: 0x42_0000, order: 5 },
];
const words = FOLIOS.map((f) => f.address | f.order);

async function khoTest(folios: Uint8Array, magic = KHO_TEST_MAGIC, extra?: (builder: KhoImageBuilder) => void) {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  for (const folio of FOLIOS) builder.preserve(folio.address, 4096 * 2 ** folio.order);
  extra?.(builder);
  const blob = fdtBlob(
    [
      ['compatible', cstring('kho-test-v1')],
      ['magic', u32(magic)],
    ],
    [
      fdtNode('data', [
        ['nr_folios', u32(FOLIOS.length)],
        ['folios_info', folios],
        ['csum', u32(0x6069f624)],
      ]),
    ],
  );
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [{ name: 'kho_test', address: 0x8000, blob }],
  });
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

describe('kho_test (lib/test_kho.c)', () => {
  it('6.17: reads the folio list inline as phys | order u64s', async () => {
    const graph = await khoTest(u64List(words));
    expect(graph.diagnostics).toEqual([]);
    expect(graph.fragments[1].user).toEqual({
      user: 'kho-test',
      magic: KHO_TEST_MAGIC,
      nrFolios: 3,
      csum: 0x6069f624,
      folioStorage: 'u64-array',
      vmallocArea: null,
      folios: FOLIOS,
    });
  });

  it('later kernels: reads the folio list through a kho_vmalloc area', async () => {
    const descriptor = encodeVmallocDescriptor({ first: 0x9000n, totalPages: 1, flags: 1, order: 0 });
    const graph = await khoTest(descriptor, KHO_TEST_MAGIC, (builder) => {
      builder.placeBytes(0x9000, encodeVmallocChunk(4096, 0, [0xa000]), true);
      builder.placeBytes(0xa000, u64List(words), true);
    });
    expect(graph.diagnostics).toEqual([]);
    expect(graph.fragments[1].user).toMatchObject({
      folioStorage: 'vmalloc',
      vmallocArea: 'vmalloc:0x8000:/data:folios_info',
      folios: FOLIOS,
    });
    expect(graph.vmallocAreas).toMatchObject([
      { owner: { fragment: '0x8000', node: '/data', property: 'folios_info' }, chunks: [0x9000], pieces: [0xa000] },
    ]);
  });

  it('reports a wrong magic', async () => {
    const graph = await khoTest(u64List(words), 0x12345678);
    expect(graph.diagnostics).toMatchObject([
      { severity: 'error', code: 'bad-magic', location: { node: '/', property: 'magic' } },
    ]);
  });

  it('reports vmalloc data pages the map does not preserve', async () => {
    const descriptor = encodeVmallocDescriptor({ first: 0x9000n, totalPages: 1, flags: 1, order: 0 });
    const graph = await khoTest(descriptor, KHO_TEST_MAGIC, (builder) => {
      builder.placeBytes(0x9000, encodeVmallocChunk(4096, 0, [0xa000]), true);
      builder.placeBytes(0xa000, u64List(words), false);
    });
    expect(graph.diagnostics).toMatchObject([
      { code: 'not-preserved', location: { structure: 'vmalloc:0x8000:/data:folios_info', address: 0xa000 } },
      { code: 'wrong-map-entry', location: { structure: 'vmalloc:0x8000:/data:folios_info', address: 0xa000 } },
    ]);
  });

  it('reports a vmalloc area with fewer pages than it claims', async () => {
    const descriptor = encodeVmallocDescriptor({ first: 0x9000n, totalPages: 2, flags: 1, order: 0 });
    const graph = await khoTest(descriptor, KHO_TEST_MAGIC, (builder) => {
      builder.placeBytes(0x9000, encodeVmallocChunk(4096, 0, [0xa000]), true);
      builder.placeBytes(0xa000, u64List(words), true);
    });
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['vmalloc-missing-pages']);
  });
});
