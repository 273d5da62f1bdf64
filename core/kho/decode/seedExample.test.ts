import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedExample, SEED_EXAMPLE } from '../../build/seedExample';
import { propertyOf, type DecodedNode, type FdtContent } from '../model/FdtContent';
import type { KhoGraph } from '../model/KhoGraph';
import { decodeKhoGraph } from './decodeKhoGraph';

function fdtOf(graph: KhoGraph, id: string): FdtContent {
  const content = graph.fragments.find((f) => f.id === id)?.content;
  if (content?.kind !== 'fdt') throw new Error(`${id} is not a decoded FDT`);
  return content;
}

function child(node: DecodedNode, name: string): DecodedNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`no child ${name}`);
  return found;
}

describe("the seed's worked example (seed-design.md)", () => {
  let graph: KhoGraph;
  beforeAll(async () => {
    const { memory, root } = buildSeedExample();
    graph = await decodeKhoGraph(memory, { roots: [root] });
  });

  it('has the kho-v1 top level as its one root, without a map', () => {
    expect(graph.roots).toHaveLength(1);
    expect(graph.roots[0]).toMatchObject({
      fragment: '0x40000000',
      address: 0x40000000,
      how: 'given',
      compatible: 'kho-v1',
      map: null,
    });
    expect(graph.roots[0].version).toMatchObject({ version: 1, rules: 1, known: true });
  });

  it('decodes four fragments: top level, memblock, gpu, and node1 over two pages', () => {
    expect(graph.fragments.map((f) => [f.id, f.compatible, f.depth])).toEqual([
      ['0x40000000', 'kho-v1', 0],
      ['0x40001000', 'memblock-v1', 1],
      ['0x40002000', 'gpu-v1', 1],
      ['0x40003000', 'gpu-subnode1-v1', 2],
    ]);
    const node1 = graph.fragments[3];
    expect(node1.location).toMatchObject({ kind: 'pages', pages: [...SEED_EXAMPLE.node1Pages], pageSize: 4096 });
    expect(node1.size).toBeGreaterThan(4096);
    expect(node1.size).toBeLessThanOrEqual(8192);
  });

  it('links owner nodes to fragments with big-endian page lists, saying why', () => {
    expect(graph.links.map((l) => [l.from.fragment, l.from.node, l.scheme, l.addresses, l.order, l.to])).toEqual([
      ['0x40000000', '/memblock', 'draft-recursive-fdt', [0x40001000], 'be', '0x40001000'],
      ['0x40000000', '/gpu@0x100000000', 'draft-recursive-fdt', [0x40002000], 'be', '0x40002000'],
      ['0x40002000', '/node1', 'draft-recursive-fdt', [0x40003000, 0x40005000], 'be', '0x40003000'],
    ]);
    expect(graph.links[2].orderReason).toMatch(/^big-endian: every address is a page inside the image/);
    expect(graph.links[2].orderReason).toMatch(/little-endian would not/);
  });

  it('keeps in-place subnodes inside their fragment', () => {
    expect(fdtOf(graph, '0x40001000').root.children.map((n) => n.path)).toEqual(['/n1', '/n2']);
    const gpu = fdtOf(graph, '0x40002000').root;
    expect(child(gpu, 'node2').properties.map((p) => [p.name, p.value])).toEqual([
      ['key3', { kind: 'string', value: 'v3', basis: 'dtc' }],
      ['key4', { kind: 'string', value: 'v4', basis: 'dtc' }],
    ]);
  });

  it('reads the page list values in the chosen order and offers both readings', () => {
    const property = propertyOf(child(fdtOf(graph, '0x40002000').root, 'node1'), 'kho,recursive-fdt')!;
    expect(property.value).toEqual({ kind: 'u64-list', values: [0x40003000n, 0x40005000n], order: 'be', basis: 'abi' });
    expect(property.readings).toEqual({
      be: [0x40003000n, 0x40005000n],
      le: [0x0030004000000000n, 0x0050004000000000n],
    });
  });

  it("shows the real kernel's reserve-mem values as little-endian u64s", () => {
    const n1 = child(fdtOf(graph, '0x40001000').root, 'n1');
    expect(propertyOf(n1, 'start')!.value).toEqual({ kind: 'u64', value: 0x4_6bc0_0000n, order: 'le', basis: 'abi' });
    expect(propertyOf(n1, 'start')!.readings).toEqual({ le: [0x4_6bc0_0000n], be: [0xc06b_0400_0000n] });
    const memblock = graph.fragments[1].user;
    expect(memblock).toEqual({
      user: 'memblock',
      ranges: [
        { name: 'n1', node: '/n1', start: 0x4_6bc0_0000, size: 0x400_0000n },
        { name: 'n2', node: '/n2', start: 0x4_67c0_0000, size: 0x400_0000n },
      ],
    });
  });

  it('reports nothing wrong, only that there is no map to check preservation against', () => {
    expect(graph.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'no-preserved-memory-map']]);
  });
});
