import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';

const RAM = [{ start: 0, end: 0x100_0000 }];
const blob = fdtBlob([['compatible', cstring('user-v1')]]);

describe('preservation against the map', () => {
  for (const map of ['radix-tree', 'chunk-list'] as const) {
    it(`reports a blob whose page is not preserved (${map})`, async () => {
      const builder = new KhoImageBuilder({ ram: RAM });
      placeKhoRoot(builder, {
        address: 0x1000,
        compatible: map === 'radix-tree' ? 'kho-v4' : 'kho-v1',
        map,
        children: [
          { name: 'kept', address: 0x8000, blob },
          { name: 'forgotten', address: 0x9000, blob, preserve: false },
        ],
      });
      const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
      expect(graph.diagnostics).toHaveLength(1);
      expect(graph.diagnostics[0]).toMatchObject({
        severity: 'warning',
        code: 'not-preserved',
        location: { fragment: '0x9000', address: 0x9000 },
      });
      expect(graph.diagnostics[0].message).toBe(
        'fragment 0x9000: 1 page is not marked preserved in the map (0x9000), so the next kernel may reuse it',
      );
    });
  }

  it('reports the root page itself when the map leaves it out', async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      preserveRoot: false,
      children: [{ name: 'kept', address: 0x8000, blob }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics.map((d) => [d.code, d.location.fragment])).toEqual([['not-preserved', '0x1000']]);
  });

  it("checks a user's claims too: a reserve-mem range missing from the map", async () => {
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.preserve(0x40_0000, 0x2000);
    const memblock = fdtBlob(
      [['compatible', cstring('memblock-v1')]],
      [
        fdtNode('kept', [
          ['compatible', cstring('reserve-mem-v1')],
          ['start', u64(0x40_0000)],
          ['size', u64(0x2000)],
        ]),
        fdtNode('lost', [
          ['compatible', cstring('reserve-mem-v1')],
          ['start', u64(0x50_0000)],
          ['size', u64(0x3000)],
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
    expect(graph.diagnostics).toMatchObject([
      { code: 'not-preserved', location: { fragment: '0x8000', node: '/lost', property: 'start', address: 0x50_0000 } },
      {
        code: 'wrong-map-entry',
        severity: 'error',
        location: { fragment: '0x8000', node: '/lost', address: 0x50_0000 },
      },
    ]);
    expect(graph.diagnostics[0].message).toMatch(
      /^reserve-mem lost: 3 pages are not marked preserved in the map \(0x500000, 0x501000, 0x502000\)/,
    );
  });
});
