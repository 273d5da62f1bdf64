import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { cstring, u64, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';

/** RAM with a hole: [0, 1 MiB) and [2 MiB, 3 MiB). */
const RAM = [
  { start: 0, end: 0x10_0000 },
  { start: 0x20_0000, end: 0x30_0000 },
];

async function decodeWithChild(property: 'preserved-data' | 'kho,recursive-fdt', target: number) {
  const builder = new KhoImageBuilder({ ram: RAM });
  const value = property === 'preserved-data' ? u64(target) : u64List([target], 'be');
  builder.placeFdt(0x1000, fdtBlob([['compatible', cstring('kho-v2')]], [fdtNode('child', [[property, value]])]));
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

describe('dangling pointers', () => {
  it('reports a pointer past the end of the image at the property holding it', async () => {
    const graph = await decodeWithChild('preserved-data', 0x4000_0000);
    const dangling = graph.diagnostics.filter((d) => d.code === 'dangling-pointer');
    expect(dangling).toHaveLength(1);
    expect(dangling[0]).toMatchObject({
      severity: 'error',
      location: { fragment: '0x1000', node: '/child', property: 'preserved-data', address: 0x4000_0000 },
    });
    expect(dangling[0].message).toMatch(/outside the image \(RAM ends at 0x300000\)/);
    expect(graph.links[0].to).toBeNull();
  });

  it('reports a pointer into a hole between RAM ranges', async () => {
    const graph = await decodeWithChild('preserved-data', 0x18_0000);
    const dangling = graph.diagnostics.find((d) => d.code === 'dangling-pointer');
    expect(dangling?.message).toMatch(/falls in a hole/);
    expect(dangling?.location.address).toBe(0x18_0000);
  });

  it('reports a draft page that is not in the image', async () => {
    const graph = await decodeWithChild('kho,recursive-fdt', 0x18_0000);
    expect(graph.diagnostics.map((d) => d.code)).toEqual([
      'no-preserved-memory-map',
      'ambiguous-byte-order',
      'dangling-pointer',
    ]);
    expect(graph.links[0]).toMatchObject({ scheme: 'draft-recursive-fdt', addresses: [0x18_0000], to: null });
  });
});
