import type { SparseMemory } from '../mem/SparseMemory';
import { fdtDocument, fdtNode, type PropertyList } from './fdtTree';
import { KhoImageBuilder } from './KhoImageBuilder';
import { cells, cstring, u64List } from '../bytes/encoders';

/** Where the seed's worked example puts things (seed-design.md). */
export const SEED_EXAMPLE = {
  pageSize: 4096,
  ram: { start: 0x4000_0000, end: 0x4100_0000 },
  root: 0x4000_0000,
  memblock: 0x4000_1000,
  gpu: 0x4000_2000,
  node1Pages: [0x4000_3000, 0x4000_5000],
  /** Keys key5 … key<lastKey> make the node1 fragment need its second page. */
  lastKey: 260,
} as const;

/**
 * The seed's worked example as a real image (seed-design.md, "The seed's
 * worked example"): a `kho-v1` top level at 0x40000000 whose `memblock` and
 * `gpu@0x100000000` nodes link, with big-endian `kho,recursive-fdt` page
 * lists, to fragments at 0x40001000 (memblock with in-place subnodes n1, n2)
 * and 0x40002000 (gpu, whose `node1` links the two non-contiguous pages
 * 0x40003000 + 0x40005000 and whose `node2` stays in place).
 */
export function buildSeedExample(): { memory: SparseMemory; root: number } {
  const at = SEED_EXAMPLE;
  const builder = new KhoImageBuilder({ pageSize: at.pageSize, ram: [{ ...at.ram }] });
  const pageList = (pages: readonly number[]) => u64List(pages, 'be');
  builder.placeFdt(
    at.root,
    fdtDocument(
      [['compatible', cstring('kho-v1')]],
      [
        fdtNode('memblock', [['kho,recursive-fdt', pageList([at.memblock])]]),
        fdtNode('gpu@0x100000000', [['kho,recursive-fdt', pageList([at.gpu])]]),
      ],
    ),
  );
  const reserveMem = (start: number[]) =>
    fdtNode('', [
      ['compatible', cstring('reserve-mem-v1')],
      ['size', cells([0x04, 0x00])],
      ['start', cells(start)],
    ]);
  builder.placeFdt(
    at.memblock,
    fdtDocument(
      [['compatible', cstring('memblock-v1')]],
      [
        { ...reserveMem([0xc06b, 0x4000000]), name: 'n1' },
        { ...reserveMem([0xc067, 0x4000000]), name: 'n2' },
      ],
    ),
  );
  builder.placeFdt(
    at.gpu,
    fdtDocument(
      [
        ['compatible', cstring('gpu-v1')],
        ['key1', cstring('v1')],
        ['key2', cstring('v2')],
      ],
      [
        fdtNode('node1', [['kho,recursive-fdt', pageList(at.node1Pages)]]),
        fdtNode('node2', [
          ['key3', cstring('v3')],
          ['key4', cstring('v4')],
        ]),
      ],
    ),
  );
  const keys: PropertyList = [['compatible', cstring('gpu-subnode1-v1')]];
  for (let i = 5; i <= at.lastKey; i++) keys.push([`key${i}`, cstring(`v${i}`)]);
  builder.placeFdtOnPages(at.node1Pages, fdtDocument(keys));
  return { memory: builder.memory, root: at.root };
}
