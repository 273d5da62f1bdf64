import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { encodeFileEntry, encodeKhoBlock, encodeLuoSer, encodeSessionEntry } from '../../build/rawStructs';
import { cstring, u64, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from './decodeKhoGraph';

/** A small image using every scheme: mainline children (FDT and raw), a draft page list, LUO block sets. */
function validImage(): KhoImageBuilder {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x4_0000 }] });
  builder.placeBytes(0x1_0000, encodeKhoBlock(4096, 0, [encodeSessionEntry('s', 0x1_1000, 1)]), true);
  builder.placeBytes(0x1_1000, encodeKhoBlock(4096, 0, [encodeFileEntry('memfd-v1', 0x1_2000, 7n)]), true);
  builder.placeFdt(0x1_3000, fdtBlob([['compatible', cstring('deep-v1')]]), true);
  const draft = fdtBlob(
    [['compatible', cstring('memblock-v1')]],
    [
      fdtNode('more', [['kho,recursive-fdt', u64List([0x1_3000], 'be')]]),
      fdtNode('r', [
        ['compatible', cstring('reserve-mem-v1')],
        ['start', u64(0x2_0000)],
        ['size', u64(0x1000)],
      ]),
    ],
  );
  builder.preserve(0x2_0000, 0x1000);
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [
      { name: 'memblock', address: 0x8000, blob: draft },
      { name: 'LUO', address: 0x9000, blob: encodeLuoSer({ liveupdateNum: 1, sessionsPa: 0x1_0000, flbsPa: 0 }) },
    ],
  });
  return builder;
}

describe('hostile input', () => {
  it('decodes any corruption of a valid image without throwing, within its limits', async () => {
    const pristine = validImage();
    const baseline = await decodeKhoGraph(pristine.memory, { roots: [0x1000] });
    expect(baseline.fragments.map((f) => f.id).sort()).toEqual(['0x1000', '0x12000', '0x13000', '0x8000', '0x9000']);
    expect(baseline.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pages = pristine.memory.writtenPages();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            page: fc.integer({ min: 0, max: pages.length - 1 }),
            offset: fc.integer({ min: 0, max: 4095 }),
            byte: fc.integer({ min: 0, max: 255 }),
          }),
          { minLength: 1, maxLength: 24 },
        ),
        async (edits) => {
          const builder = validImage();
          for (const edit of edits) builder.memory.write(pages[edit.page] + edit.offset, Uint8Array.of(edit.byte));
          const graph = await decodeKhoGraph(builder.memory, {
            roots: [0x1000],
            limits: { maxFragments: 64, maxTotalBytes: 4 << 20 },
          });
          expect(graph.fragments.length).toBeLessThanOrEqual(64);
          for (const link of graph.links)
            if (link.to !== null) expect(graph.fragments.some((f) => f.id === link.to)).toBe(true);
          for (const diagnostic of graph.diagnostics) expect(diagnostic.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('decodes random bytes at the root without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 8, maxLength: 4096 }), async (bytes) => {
        const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x1_0000 }] });
        builder.placeBytes(0x1000, bytes);
        const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
        expect(graph.roots).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });
});
