import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot, type KhoChildSpec } from '../../build/placeKhoRoot';
import { encodeKexecMetadata, encodeLuoSer } from '../../build/rawStructs';
import { cstring, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoGraph } from '../model/KhoGraph';

const ROOT = 0x10_0000;
const memblockBlob = fdtBlob(
  [['compatible', cstring('memblock-v1')]],
  [
    fdtNode('demo', [
      ['compatible', cstring('reserve-mem-v1')],
      ['start', u64(0x80_0000)],
      ['size', u64(0x1000)],
    ]),
  ],
);

async function decodeRoot(
  compatible: string,
  map: 'radix-tree' | 'chunk-list' | 'zero' | 'none',
  children: KhoChildSpec[],
): Promise<KhoGraph> {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  builder.preserve(0x80_0000, 0x1000);
  placeKhoRoot(builder, { address: ROOT, compatible, map, children });
  return decodeKhoGraph(builder.memory, { roots: [ROOT] });
}

const codes = (graph: KhoGraph) => graph.diagnostics.map((d) => `${d.severity}:${d.code}`);

describe('mainline root children', () => {
  it('kho-v1: follows `fdt` to a sub-FDT sized by its own header, with a chunk-list map', async () => {
    const graph = await decodeRoot('kho-v1', 'chunk-list', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob },
    ]);
    expect(graph.links).toMatchObject([
      { scheme: 'kho-v1-fdt', from: { node: '/memblock', property: 'fdt' }, to: '0x200000', size: null, order: 'le' },
    ]);
    expect(graph.fragments[1]).toMatchObject({
      id: '0x200000',
      format: 'fdt',
      compatible: 'memblock-v1',
      size: memblockBlob.length,
    });
    expect(graph.roots[0].map).toMatchObject({ encoding: 'chunk-list', status: 'complete' });
    expect(codes(graph)).toEqual([]);
  });

  it('kho-v2: follows `preserved-data` to an FDT with a radix-tree map', async () => {
    const graph = await decodeRoot('kho-v2', 'radix-tree', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob },
    ]);
    expect(graph.links).toMatchObject([
      { scheme: 'preserved-data', from: { property: 'preserved-data' }, to: '0x200000', size: null },
    ]);
    expect(graph.roots[0].map).toMatchObject({ encoding: 'radix-tree', status: 'complete' });
    expect(codes(graph)).toEqual([]);
  });

  it('kho-v3/v4: reads `blob-size` bytes and tells FDTs from raw blobs', async () => {
    const graph = await decodeRoot('kho-v4', 'radix-tree', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob },
      {
        name: 'kexec-metadata',
        address: 0x21_0000,
        blob: encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 2 }),
      },
      { name: 'LUO', address: 0x22_0000, blob: encodeLuoSer({ liveupdateNum: 1, sessionsPa: 0, flbsPa: 0 }) },
    ]);
    expect(graph.links.map((l) => [l.from.node, l.size, l.to])).toEqual([
      ['/memblock', memblockBlob.length, '0x200000'],
      ['/kexec-metadata', 73, '0x210000'],
      ['/LUO', 32, '0x220000'],
    ]);
    expect(graph.fragments.map((f) => f.format)).toEqual(['fdt', 'fdt', 'kexec-metadata', 'luo-ser']);
    expect(graph.fragments[2].user).toEqual({
      user: 'kexec-metadata',
      version: 1,
      previousRelease: '7.3.4',
      kexecCount: 2,
    });
    expect(codes(graph)).toEqual(['info:sessions-not-serialized']);
  });

  it('decodes an unknown kho-vN with the newest rules and flags it', async () => {
    const graph = await decodeRoot('kho-v9', 'radix-tree', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob },
    ]);
    expect(graph.roots[0].version).toMatchObject({ version: 9, rules: 4, known: false });
    expect(graph.fragments.map((f) => f.compatible)).toEqual(['kho-v9', 'memblock-v1']);
    expect(codes(graph)).toEqual(['warning:unknown-version']);
  });

  it('understands composite compatibles', async () => {
    const graph = await decodeRoot('kho-v4;radix-v1;vmalloc-v1', 'radix-tree', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob },
    ]);
    expect(graph.roots[0].version).toEqual({
      compatible: 'kho-v4;radix-v1;vmalloc-v1',
      version: 4,
      components: { radix: 1, vmalloc: 1 },
      rules: 4,
      known: true,
    });
    expect(graph.fragments[1].compatible).toBe('memblock-v1');
    expect(codes(graph)).toEqual([]);
  });

  it('follows a pointer property of another version and flags it', async () => {
    const graph = await decodeRoot('kho-v2', 'radix-tree', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob, pointer: 'fdt' },
    ]);
    expect(graph.links[0]).toMatchObject({ scheme: 'kho-v1-fdt', to: '0x200000' });
    expect(graph.diagnostics).toMatchObject([
      { severity: 'warning', code: 'property-outside-version', location: { node: '/memblock', property: 'fdt' } },
    ]);
  });

  it('reads a kho-v3 child without blob-size as an FDT and flags it', async () => {
    const graph = await decodeRoot('kho-v3', 'radix-tree', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob, blobSize: null },
    ]);
    expect(graph.fragments[1]).toMatchObject({ compatible: 'memblock-v1', size: memblockBlob.length });
    expect(codes(graph)).toEqual(['warning:missing-blob-size']);
  });

  it('flags a child without any pointer', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
    builder.placeFdt(
      ROOT,
      fdtBlob(
        [
          ['compatible', cstring('kho-v4')],
          ['preserved-memory-map', u64(0)],
        ],
        [fdtNode('lonely', [['something', u64(1)]])],
      ),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [ROOT] });
    expect(graph.diagnostics).toMatchObject([
      { severity: 'info', code: 'no-map-yet' },
      { severity: 'warning', code: 'missing-pointer', location: { node: '/lonely' } },
    ]);
  });

  it('treats a map pointer of 0 as "no map yet" and checks no preservation', async () => {
    const graph = await decodeRoot('kho-v1', 'zero', [
      { name: 'memblock', address: 0x20_0000, blob: memblockBlob, preserve: false },
    ]);
    expect(graph.roots[0].map).toMatchObject({ status: 'no-map-yet', address: 0 });
    expect(codes(graph)).toEqual(['info:no-map-yet']);
  });
});
