import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtDocument, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { cstring, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { ByteOrder } from '../../bytes/ByteOrder';

/** A draft top level at `root` whose `child` lists `pages` in `order`, the child FDT on those pages. */
async function draft(pages: number[], order: ByteOrder, ram = [{ start: 0, end: 0x100_0000 }], root = 0x1000) {
  const builder = new KhoImageBuilder({ ram });
  builder.placeFdt(
    root,
    fdtDocument(
      [['compatible', cstring('kho-v1')]],
      [fdtNode('child', [['kho,recursive-fdt', u64List(pages, order)]])],
    ),
  );
  builder.placeFdtOnPages(pages, fdtBlob([['compatible', cstring('child-v1')]]));
  return decodeKhoGraph(builder.memory, { roots: [root] });
}

describe('draft kho,recursive-fdt page lists', () => {
  it('uses the little-endian reading when only it gives real FDT pages, and says why', async () => {
    const graph = await draft([0x5000], 'le');
    expect(graph.links[0]).toMatchObject({ order: 'le', addresses: [0x5000], to: '0x5000' });
    expect(graph.links[0].orderReason).toMatch(
      /^little-endian: .*big-endian would not \(0x50000000000000 is past 2\^53\)$/,
    );
    expect(graph.fragments[1].compatible).toBe('child-v1');
    const property =
      graph.fragments[0].content?.kind === 'fdt'
        ? graph.fragments[0].content.root.children[0].properties[0]
        : undefined;
    expect(property?.value).toEqual({ kind: 'u64-list', values: [0x5000n], order: 'le', basis: 'abi' });
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['no-preserved-memory-map']);
  });

  it('reports an ambiguous byte order when both readings qualify, and uses big-endian', async () => {
    // 0x100000100000 reads the same both ways: 00 00 10 00 00 10 00 00.
    const page = 0x1000_0010_0000;
    const graph = await draft([page], 'be', [
      { start: 0, end: 0x10_0000 },
      { start: page, end: page + 0x1000 },
    ]);
    expect(graph.links[0]).toMatchObject({ order: 'be', to: '0x100000100000' });
    expect(graph.diagnostics).toMatchObject([
      { code: 'no-preserved-memory-map' },
      { severity: 'warning', code: 'ambiguous-byte-order', location: { node: '/child' } },
    ]);
    expect(graph.diagnostics[1].message).toMatch(/^both byte orders give/);
  });

  it('reports an ambiguous byte order when neither reading qualifies', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    builder.placeFdt(
      0x1000,
      fdtDocument(
        [['compatible', cstring('kho-v1')]],
        [fdtNode('child', [['kho,recursive-fdt', u64List([0x5000], 'be')]])],
      ),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    const codes = graph.diagnostics.map((d) => d.code);
    expect(codes).toEqual(['no-preserved-memory-map', 'ambiguous-byte-order', 'bad-magic']);
    expect(graph.diagnostics[1].message).toMatch(
      /^neither byte order gives a usable page list \(big-endian: 0x5000 does not start with the FDT magic; little-endian: .*\)/,
    );
  });

  it('rejects a page list whose length is not a multiple of 8', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    builder.placeFdt(
      0x1000,
      fdtDocument([['compatible', cstring('kho-v1')]], [fdtNode('child', [['kho,recursive-fdt', new Uint8Array(12)]])]),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics.find((d) => d.code === 'bad-property-length')).toMatchObject({
      severity: 'error',
      location: { node: '/child', property: 'kho,recursive-fdt' },
    });
    expect(graph.links).toEqual([]);
  });

  it('follows page lists on any node of any fragment, nested', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    builder.placeFdt(
      0x1000,
      fdtDocument(
        [['compatible', cstring('kho-v1')]],
        [fdtNode('a', [], [fdtNode('deep', [['kho,recursive-fdt', u64List([0x2000], 'be')]])])],
      ),
    );
    builder.placeFdt(
      0x2000,
      fdtDocument([['compatible', cstring('b-v1')]], [fdtNode('c', [['kho,recursive-fdt', u64List([0x3000], 'be')]])]),
    );
    builder.placeFdt(0x3000, fdtDocument([['compatible', cstring('c-v1')]]));
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.links.map((l) => [l.from.fragment, l.from.node, l.to])).toEqual([
      ['0x1000', '/a/deep', '0x2000'],
      ['0x2000', '/c', '0x3000'],
    ]);
    expect(graph.fragments.map((f) => [f.id, f.depth, f.root])).toEqual([
      ['0x1000', 0, '0x1000'],
      ['0x2000', 1, '0x1000'],
      ['0x3000', 2, '0x1000'],
    ]);
  });
});
