import {
  buildSeedExample,
  encodeFileEntry,
  encodeFlbEntry,
  encodeFlbHeader,
  encodeKexecMetadata,
  encodeKhoBlock,
  encodeLuoSer,
  encodeMemfdFolio,
  encodeMemfdSer,
  encodeSessionEntry,
  encodeVmallocChunk,
  encodeVmallocDescriptor,
  fdtBlob,
  fdtNode,
  KhoImageBuilder,
  placeKhoRoot,
  SEED_EXAMPLE,
} from '../../../../core/build';
import { concatBytes, cstring, u32, u64, u64List } from '../../../../core/bytes';
import { decodeKhoGraph, type KhoGraph } from '../../../../core/kho';
import type { DebugfsImage, PhysRange, SparseMemory } from '../../../../core/mem';

/** A decoded example with the memory it came from (none for debugfs), for the views' tests and harness. */
export interface ExampleGraph {
  graph: KhoGraph;
  memory: SparseMemory | null;
  ramRanges: readonly PhysRange[];
}

/** The seed's worked example (seed-design.md): four fragments, one of them over two non-contiguous pages. */
export async function seedExampleGraph(): Promise<ExampleGraph> {
  const { memory, root } = buildSeedExample();
  const graph = await decodeKhoGraph(memory, { roots: [root] });
  return { graph, memory, ramRanges: memory.ranges };
}

const PS = 4096;
/** RAM like the real-kernel fixture's (a low range, a big range, a high window), scaled down, plus the seed's range. */
const SHOWCASE_RAM: PhysRange[] = [
  { start: 0, end: 0xa_0000 },
  { start: 0x10_0000, end: 0x2000_0000 },
  { start: 0x4000_0000, end: 0x4100_0000 },
  { start: 0xfd00_0000, end: 0xfe00_0000 },
];
const at = {
  root: 0x23a000,
  metadata: 0x242000,
  test: 0x528000,
  testChunk: 0x529000,
  testFolios: 0x52a000,
  luo: 0x1844000,
  sessions: 0x1845000,
  files: 0x1846000,
  flbs: 0x1848000,
  memfd: 0x1849000,
  memfdChunk: 0x184a000,
  memfdRecords: 0x184b000,
  memblock: 0x1847000,
  shared: 0x1850000,
  /** A page in the hole between 0x20000000 and 0x40000000: the second page of a dangling page list. */
  nowhere: 0x3000_0000,
};
const TEST_FOLIOS = [
  { address: 0x60_0000, order: 2 },
  { address: 0x61_0000, order: 0 },
  { address: 0x64_0000, order: 4 },
];

/**
 * Everything the views must show in one image: a `kho-v4` root with a radix
 * map over memblock (two reserve-mem ranges), LUO (raw `luo_ser`, a session
 * with a memfd file whose folios sit in a vmalloc area, FLBs), kho_test
 * (folios through a vmalloc area), kexec-metadata, two links to one blob (a
 * shared target), a malformed reserve-mem node; plus the seed's draft
 * example (page lists, one non-contiguous) as a second root, with one more
 * page list whose second page is in a hole (dangling).
 */
export async function showcaseGraph(): Promise<ExampleGraph> {
  const builder = new KhoImageBuilder({ pageSize: PS, ram: SHOWCASE_RAM });
  placeSeedTree(builder);
  for (const folio of TEST_FOLIOS) builder.preserve(folio.address, PS * 2 ** folio.order);
  builder.placeBytes(at.testChunk, encodeVmallocChunk(PS, 0, [at.testFolios]), true);
  builder.placeBytes(at.testFolios, u64List(TEST_FOLIOS.map((f) => f.address | f.order)), true);
  builder.placeBytes(at.sessions, encodeKhoBlock(PS, 0, [encodeSessionEntry('kho-demo-session', at.files, 1)]), true);
  builder.placeBytes(
    at.files,
    encodeKhoBlock(PS, 0, [encodeFileEntry('memfd-v2', at.memfd, 0x4b48_4f2d_4445_4d4fn)]),
    true,
  );
  builder.placeBytes(at.flbs, encodeFlbHeader(1, [encodeFlbEntry('iommu', 0x7f00_0000_0000n, 1n)]), true);
  const folios = { first: BigInt(at.memfdChunk), totalPages: 1, flags: 1, order: 0 };
  builder.placeBytes(
    at.memfd,
    encodeMemfdSer({ version: 2, pos: 0n, size: 0x4000n, seals: 1, nrFolios: 4, folios }),
    true,
  );
  builder.placeBytes(at.memfdChunk, encodeVmallocChunk(PS, 0, [at.memfdRecords]), true);
  builder.placeBytes(
    at.memfdRecords,
    concatBytes(...[0, 1, 2, 3].map((i) => encodeMemfdFolio(0x1f40 + i, 3, i))),
    true,
  );
  builder.preserve(0x1f4_0000, 4 * PS);
  builder.preserve(0x1f00_0000, 0x40_0000);
  builder.preserve(0x1ee0_0000, 0x20_0000);
  const memblock = fdtBlob(
    [['compatible', cstring('memblock-v1')]],
    [
      fdtNode('demo1', [
        ['compatible', cstring('reserve-mem-v1')],
        ['start', u64(0x1f00_0000)],
        ['size', u64(0x40_0000)],
      ]),
      fdtNode('demo2', [
        ['compatible', cstring('reserve-mem-v1')],
        ['start', u64(0x1ee0_0000)],
        ['size', u64(0x20_0000)],
      ]),
      fdtNode('short', [
        ['compatible', cstring('reserve-mem-v1')],
        ['start', u32(0x80_0000)],
        ['size', u64(0x4000)],
      ]),
    ],
  );
  const khoTest = fdtBlob(
    [
      ['compatible', cstring('kho-test-v1')],
      ['magic', u32(0x4b484f21)],
    ],
    [
      fdtNode('data', [
        ['nr_folios', u32(TEST_FOLIOS.length)],
        ['folios_info', encodeVmallocDescriptor({ first: BigInt(at.testChunk), totalPages: 1, flags: 1, order: 0 })],
        ['csum', u32(0x6069f624)],
      ]),
    ],
  );
  const shared = fdtBlob([
    ['compatible', cstring('shared-state-v1')],
    ['generation', u64(3)],
  ]);
  placeKhoRoot(builder, {
    address: at.root,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [
      { name: 'memblock', address: at.memblock, blob: memblock },
      {
        name: 'LUO',
        address: at.luo,
        blob: encodeLuoSer({ liveupdateNum: 1, sessionsPa: at.sessions, flbsPa: at.flbs }),
      },
      { name: 'kho_test', address: at.test, blob: khoTest },
      {
        name: 'kexec-metadata',
        address: at.metadata,
        blob: encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 }),
      },
      { name: 'iommu', address: at.shared, blob: shared },
      { name: 'iommu-mirror', address: at.shared, blob: shared },
    ],
  });
  const graph = await decodeKhoGraph(builder.memory, { roots: [at.root, SEED_EXAMPLE.root] });
  return { graph, memory: builder.memory, ramRanges: builder.memory.ranges };
}

/**
 * The seed's worked example (core's buildSeedExample, copied page by page)
 * inside a larger image, its top level rewritten with one more node whose
 * page list runs into a hole.
 */
function placeSeedTree(builder: KhoImageBuilder): void {
  const seed = buildSeedExample().memory;
  for (const page of [SEED_EXAMPLE.memblock, SEED_EXAMPLE.gpu, ...SEED_EXAMPLE.node1Pages])
    builder.placeBytes(page, seed.readSync(page, PS));
  const pageList = (...pages: number[]) => u64List(pages, 'be');
  builder.placeFdt(
    SEED_EXAMPLE.root,
    fdtBlob(
      [['compatible', cstring('kho-v1')]],
      [
        fdtNode('memblock', [['kho,recursive-fdt', pageList(SEED_EXAMPLE.memblock)]]),
        fdtNode('gpu@0x100000000', [['kho,recursive-fdt', pageList(SEED_EXAMPLE.gpu)]]),
        fdtNode('broken', [['kho,recursive-fdt', pageList(0x4000_8000, at.nowhere)]]),
      ],
    ),
  );
}

/**
 * The showcase's root and four of its children as the kernel's debugfs
 * files would hold them (`fdt`, `sub_fdts/<name>`; the two `iommu` children
 * have no file), with a scratch area unless `scratch` is false: a graph
 * with no physical memory behind it.
 */
export async function debugfsExampleGraph(scratch = true): Promise<ExampleGraph> {
  const { graph: source } = await showcaseGraph();
  const bytesOf = (id: string) => source.fragments.find((fragment) => fragment.id === id)!.bytes;
  const children = new Map([
    ['memblock', bytesOf(hex(at.memblock))],
    ['LUO', bytesOf(hex(at.luo))],
    ['kho_test', bytesOf(hex(at.test))],
    ['kexec-metadata', bytesOf(hex(at.metadata))],
  ]);
  const image: DebugfsImage = {
    kind: 'debugfs',
    root: bytesOf(hex(at.root)),
    children,
    scratch: scratch ? [{ start: 0x1000_0000, size: 0x400_0000 }] : [],
    scratchNaming: scratch ? 'scratch' : null,
    cmdline: null,
    files: [],
    warnings: [],
  };
  return { graph: await decodeKhoGraph(image), memory: null, ramRanges: [] };
}

function hex(address: number): string {
  return `0x${address.toString(16)}`;
}
