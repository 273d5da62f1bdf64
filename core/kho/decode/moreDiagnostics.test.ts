import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtDocument, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import {
  encodeFileEntry,
  encodeKhoBlock,
  encodeLuoSer,
  encodeMemfdSer,
  encodeSessionEntry,
  encodeVmallocChunk,
} from '../../build/rawStructs';
import { encodeAnchorPage } from '../discover/encodeAnchorPage';
import { cstring, u32, u64, u64List } from '../../bytes/encoders';
import { MemoryError } from '../../mem/MemoryError';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import type { KhoGraph } from '../model/KhoGraph';
import { decodeKhoGraph } from './decodeKhoGraph';

const RAM = [{ start: 0, end: 0x100_0000 }];
const codes = (graph: KhoGraph) => graph.diagnostics.map((d) => `${d.severity}:${d.code}`);

/** A kho-v4 root at 0x1000 whose one child `child` has the given properties. */
async function rootWithChild(
  properties: [string, Uint8Array][],
  setup?: (builder: KhoImageBuilder) => void,
): Promise<KhoGraph> {
  const builder = new KhoImageBuilder({ ram: RAM });
  setup?.(builder);
  builder.placeFdt(
    0x1000,
    fdtBlob(
      [
        ['compatible', cstring('kho-v4')],
        ['preserved-memory-map', u64(0)],
      ],
      [fdtNode('child', properties)],
    ),
  );
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

describe('more diagnostics, each where it belongs', () => {
  it('bad-pointer: preserved-data of 0', async () => {
    const graph = await rootWithChild([['preserved-data', u64(0)]]);
    expect(graph.diagnostics[1]).toMatchObject({
      severity: 'error',
      code: 'bad-pointer',
      location: { node: '/child', property: 'preserved-data' },
    });
  });

  it('bad-pointer: a pointer of 2^53 or more is reported, never truncated', async () => {
    const graph = await rootWithChild([['preserved-data', u64(2n ** 60n)]]);
    expect(graph.diagnostics[1].message).toBe(
      '`preserved-data` of child is 0x1000000000000000, not a usable physical address',
    );
  });

  it('bad-size: a blob-size of 0', async () => {
    const graph = await rootWithChild(
      [
        ['blob-size', u64(0)],
        ['preserved-data', u64(0x8000)],
      ],
      (builder) => builder.placeFdt(0x8000, fdtBlob([['compatible', cstring('x-v1')]])),
    );
    expect(codes(graph)).toEqual(['info:no-map-yet', 'error:bad-size']);
    expect(graph.fragments[1].compatible).toBe('x-v1');
  });

  it('address-too-large: a draft page past 2^53 in the chosen reading', async () => {
    const graph = await rootWithChild([['kho,recursive-fdt', u64List([2n ** 60n], 'be')]]);
    expect(codes(graph)).toEqual(['info:no-map-yet', 'warning:ambiguous-byte-order', 'error:address-too-large']);
  });

  it('misaligned-pointer: a draft page that is not page-aligned', async () => {
    const graph = await rootWithChild([['kho,recursive-fdt', u64List([0x8010], 'be')]]);
    expect(codes(graph)).toContain('error:misaligned-pointer');
    expect(graph.diagnostics.find((d) => d.code === 'misaligned-pointer')?.location).toMatchObject({
      node: '/child',
      address: 0x8010,
    });
  });

  it('not-a-kho-root: a given root whose compatible is not kho-vN', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(0x1000, fdtDocument([['compatible', cstring('linux,dummy-virt')]]));
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics).toMatchObject([
      { severity: 'error', code: 'not-a-kho-root', location: { fragment: '0x1000', property: 'compatible' } },
    ]);
    expect(graph.roots[0]).toMatchObject({ fragment: '0x1000', version: null, compatible: 'linux,dummy-virt' });
  });

  it('root-already-decoded: a second root that the first one links to', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(
      0x1000,
      fdtBlob(
        [['compatible', cstring('kho-v1')]],
        [fdtNode('other', [['kho,recursive-fdt', u64List([0x2000], 'be')]])],
      ),
    );
    builder.placeFdt(0x2000, fdtBlob([['compatible', cstring('kho-v1')]]));
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000, 0x2000] });
    expect(codes(graph)).toContain('info:root-already-decoded');
    expect(graph.roots.map((r) => r.fragment)).toEqual(['0x1000', '0x2000']);
  });

  it('no-root: discovery finds nothing', async () => {
    const graph = await decodeKhoGraph(new KhoImageBuilder({ ram: RAM }).memory);
    expect(graph.roots).toEqual([]);
    expect(codes(graph)).toEqual(['error:no-root']);
  });

  it('map-problem: a map pointer to a page that is not a radix node', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeBytes(0x9000, new Uint8Array(4096).fill(0xff));
    builder.placeFdt(
      0x1000,
      fdtBlob([
        ['compatible', cstring('kho-v4')],
        ['preserved-memory-map', u64(0x9000)],
      ]),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics.length).toBeGreaterThan(0);
    expect(graph.diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'map-problem',
      location: { fragment: '0x1000', property: 'preserved-memory-map', structure: 'map:0x9000' },
    });
  });

  it('missing-property: a reserve-mem node without start', async () => {
    const memblock = fdtBlob(
      [['compatible', cstring('memblock-v1')]],
      [
        fdtNode('r', [
          ['compatible', cstring('reserve-mem-v1')],
          ['size', u64(0x1000)],
        ]),
      ],
    );
    const builder = new KhoImageBuilder({ ram: RAM });
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'zero',
      children: [{ name: 'memblock', address: 0x8000, blob: memblock }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics[1]).toMatchObject({
      severity: 'warning',
      code: 'missing-property',
      location: { fragment: '0x8000', node: '/r', property: 'start' },
    });
  });

  it('missing-node: kho_test without /data', async () => {
    const blob = fdtBlob([
      ['compatible', cstring('kho-test-v1')],
      ['magic', u32(0x4b484f21)],
    ]);
    const builder = new KhoImageBuilder({ ram: RAM });
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'zero',
      children: [{ name: 'kho_test', address: 0x8000, blob }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(codes(graph)).toEqual(['info:no-map-yet', 'warning:missing-node']);
  });

  it('vmalloc-bad-order and reserved-bits in a memfd', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    const memfd = encodeMemfdSer({
      version: 2,
      pos: 0n,
      size: 0n,
      flags: 0x80,
      nrFolios: 1,
      folios: { first: 0x9000n, totalPages: 1, flags: 1, order: 40 },
    });
    builder.placeBytes(0x9000, encodeVmallocChunk(4096, 0, [0xa000]));
    // A memfd is only reached as the data of a LUO file: one session with one file.
    builder.placeBytes(0x3000, encodeKhoBlock(4096, 0, [encodeSessionEntry('s', 0x4000, 1)]));
    builder.placeBytes(0x4000, encodeKhoBlock(4096, 0, [encodeFileEntry('memfd-v2', 0x5000, 1n)]));
    builder.placeBytes(0x5000, memfd);
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'zero',
      children: [
        { name: 'LUO', address: 0x8000, blob: encodeLuoSer({ liveupdateNum: 1, sessionsPa: 0x3000, flbsPa: 0 }) },
      ],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(codes(graph)).toEqual(['info:no-map-yet', 'warning:reserved-bits', 'error:vmalloc-bad-order']);
  });

  it('unreadable-memory: a read that fails although the range is in the image', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'zero',
      children: [{ name: 'c', address: 0x8000, blob: fdtBlob([['compatible', cstring('c-v1')]]) }],
    });
    const inner = builder.memory;
    const flaky: PhysicalMemory = {
      kind: 'flaky',
      pageSize: 4096,
      ranges: inner.ranges,
      contains: (address, length) => inner.contains(address, length),
      read: async (address, length) => {
        if (address === 0x8000)
          throw new MemoryError('physical', address, 'kdump page', 'the page was excluded from the dump');
        return inner.read(address, length);
      },
    };
    const graph = await decodeKhoGraph(flaky, { roots: [0x1000] });
    expect(graph.diagnostics[1]).toMatchObject({
      severity: 'error',
      code: 'unreadable-memory',
      location: { node: '/c', address: 0x8000 },
    });
    expect(graph.diagnostics[1].message).toMatch(/the page was excluded from the dump/);
  });
  it('anchor-chain and no-root: discovery reports the broken chain it rejected', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeBytes(0x3000, encodeAnchorPage(4096, { next: 0x5000, fdtSize: 100, pages: [0x4000] }));
    const graph = await decodeKhoGraph(builder.memory);
    expect(codes(graph)).toEqual(['warning:anchor-chain', 'error:no-root']);
    expect(graph.diagnostics[0]).toMatchObject({ location: { address: 0x3000 } });
    expect(graph.diagnostics[0].message).toMatch(/^possible root at 0x3000 was rejected: /);
  });

  it('weak-root: the only candidate has more evidence against it than for it', async () => {
    const dangling = Array.from({ length: 6 }, (_, i) =>
      fdtNode(`c${i}`, [['preserved-data', u64(0x4000_0000 + i * 0x1000)]]),
    );
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(
      0x1000,
      fdtBlob(
        [
          ['compatible', cstring('kho-v2')],
          ['preserved-memory-map', u64(0x4000_0000)],
        ],
        dangling,
      ),
    );
    const graph = await decodeKhoGraph(builder.memory);
    expect(graph.roots).toHaveLength(1);
    expect(graph.roots[0].rank).toBeLessThanOrEqual(0);
    expect(codes(graph)[0]).toBe('warning:weak-root');
  });

  it('map-error: map options that make the map undecodable', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    placeKhoRoot(builder, { address: 0x2000, compatible: 'kho-v1', map: 'chunk-list', children: [] });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x2000], map: { chunkBitmapBytes: 1000 } });
    expect(graph.diagnostics).toMatchObject([
      { severity: 'error', code: 'map-error', location: { property: 'preserved-memory-map' } },
    ]);
    expect(graph.diagnostics[0].message).toMatch(/bitmap size 1000 is neither 512 nor the page size 4096/);
  });
});
