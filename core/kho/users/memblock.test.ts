import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u32, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';

describe('memblock reserve-mem', () => {
  it('decodes each reserve-mem-v1 subnode and reports malformed ones where they are', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
    builder.preserve(0x80_0000, 0x4000);
    const blob = fdtBlob(
      [['compatible', cstring('memblock-v1')]],
      [
        fdtNode('good', [
          ['compatible', cstring('reserve-mem-v1')],
          ['start', u64(0x80_0000)],
          ['size', u64(0x4000)],
        ]),
        fdtNode('short', [
          ['compatible', cstring('reserve-mem-v1')],
          ['start', u32(0x80_0000)],
          ['size', u64(0x4000)],
        ]),
        fdtNode('alien', [['compatible', cstring('reserve-mem-v9')]]),
      ],
    );
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [{ name: 'memblock', address: 0x8000, blob }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.fragments[1].user).toEqual({
      user: 'memblock',
      ranges: [{ name: 'good', node: '/good', start: 0x80_0000, size: 0x4000n }],
    });
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.node, d.location.property])).toEqual([
      ['error', 'bad-property-length', '/short', 'start'],
      ['warning', 'unknown-version', '/alien', 'compatible'],
    ]);
  });
});
