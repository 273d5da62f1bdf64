import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';

const RAM = [{ start: 0, end: 0x100_0000 }];
const pageList = (...pages: number[]) => u64List(pages, 'be');

describe('graph shape', () => {
  it('reports a cycle when a fragment links back to an ancestor', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(
      0x1000,
      fdtBlob([['compatible', cstring('kho-v1')]], [fdtNode('a', [['kho,recursive-fdt', pageList(0x2000)]])]),
    );
    builder.placeFdt(
      0x2000,
      fdtBlob([['compatible', cstring('a-v1')]], [fdtNode('back', [['kho,recursive-fdt', pageList(0x1000)]])]),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.fragments.map((f) => f.id)).toEqual(['0x1000', '0x2000']);
    expect(graph.links.map((l) => l.to)).toEqual(['0x2000', '0x1000']);
    const cycle = graph.diagnostics.filter((d) => d.code === 'cycle');
    expect(cycle).toMatchObject([
      { severity: 'error', location: { fragment: '0x2000', node: '/back', property: 'kho,recursive-fdt' } },
    ]);
  });

  it('reports a fragment linking to itself as a cycle', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(
      0x1000,
      fdtBlob([['compatible', cstring('kho-v1')]], [fdtNode('me', [['kho,recursive-fdt', pageList(0x1000)]])]),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics.map((d) => d.code)).toContain('cycle');
  });

  it('reports two links to one fragment (not a cycle)', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    const blob = fdtBlob([['compatible', cstring('shared-v1')]]);
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [
        { name: 'one', address: 0x8000, blob },
        { name: 'two', address: 0x8000, blob },
      ],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.fragments.map((f) => f.id)).toEqual(['0x1000', '0x8000']);
    expect(graph.links.map((l) => l.to)).toEqual(['0x8000', '0x8000']);
    expect(graph.diagnostics).toMatchObject([
      { severity: 'warning', code: 'shared-target', location: { node: '/two' } },
    ]);
    expect(graph.diagnostics[0].message).toMatch(/0x8000.*from 0x1000:\/one:preserved-data/);
  });

  it('reports fragments that overlap in memory', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    const blob = fdtBlob([
      ['compatible', cstring('wide-v1')],
      ['filler', new Uint8Array(200)],
    ]);
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [
        { name: 'first', address: 0x8000, blob },
        { name: 'second', address: 0x8100, blob },
      ],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    const overlaps = graph.diagnostics.filter((d) => d.code === 'overlapping-fragments');
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({ severity: 'error', location: { fragment: '0x8100', address: 0x8100 } });
    expect(overlaps[0].message).toBe(
      `fragments 0x8000 and 0x8100 overlap in [0x8100, 0x${(0x8000 + blob.length).toString(16)})`,
    );
  });
});
