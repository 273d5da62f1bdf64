import type { SparseMemory } from '../mem/SparseMemory';
import { KHO_TEST_MAGIC } from '../kho/users/khoTest';
import { fdtBlob, fdtNode } from './fdtTree';
import { KhoImageBuilder } from './KhoImageBuilder';
import { placeKhoRoot, type KhoChildSpec } from './placeKhoRoot';
import {
  encodeFileEntry,
  encodeKexecMetadata,
  encodeKhoBlock,
  encodeLuoSer,
  encodeMemfdFolio,
  encodeMemfdSer,
  encodeSessionEntry,
  encodeVmallocChunk,
} from './rawStructs';
import { concatBytes, cstring, u32, u64, u64List } from '../bytes/encoders';

const PS = 4096;

/** The kernels of a chain, oldest first: A booted cold, B through KHO from A, C from B. */
export const CHAIN_KERNELS = ['A', 'B', 'C'] as const;
export type ChainKernel = (typeof CHAIN_KERNELS)[number];

/** Where each kernel of a chain put its outgoing tree (1 MiB apart), and the data that survives every hop. */
export const KEXEC_CHAIN = {
  ram: { start: 0, end: 0x100_0000 },
  /** Root address of each kernel's outgoing tree. */
  roots: { A: 0x10_0000, B: 0x20_0000, C: 0x30_0000 } as Record<ChainKernel, number>,
  /** The memfd's data pages: every kernel hands the same memfd on, at the same physical addresses. */
  memfdFolios: [0x80_0000, 0x80_1000],
  /** The reserve_mem region every kernel keeps (same command line each time). */
  reserveMem: { start: 0x90_0000, size: 0x10_0000 },
  /** Each kernel's outgoing session: B opens a new one; C reuses A's name once A's session is finished. */
  sessions: { A: 'vm', B: 'db', C: 'vm' } as Record<ChainKernel, string>,
} as const;

/** Offsets of each kernel's blobs from its root. */
const OFFSET = {
  memblock: 0x1000,
  metadata: 0x2000,
  luo: 0x3000,
  sessions: 0x4000,
  files: 0x5000,
  memfd: 0x6000,
  chunk: 0x7000,
  records: 0x8000,
  test: 0x9000,
  testFolios: 0x10000,
};

/** An image of a kexec chain, and the root address of each hop's outgoing tree it holds. */
export interface KexecChainImage {
  memory: SparseMemory;
  roots: Partial<Record<ChainKernel, number>>;
}

/**
 * Builds the memory of the last kernel of a chain of `hops` kernels (1: A
 * alone, before its kexec; 2: A→B; 3: A→B→C), modelled on what a real double kexec shows:
 * - each kernel's outgoing tree is a kho-v4 root with memblock,
 *   kexec-metadata and LUO (raw `luo-v5`, live update #1, #2, #3);
 * - when the next kernel boots it consumes that tree: the map's pages are
 *   zeroed and the LUO page is freed early and reused for other data;
 * - kho_test is preserved by A, only restored by B (B's tree has no
 *   kho_test), and saved fresh by C;
 * - the memblock blobs of consecutive kernels are byte-identical;
 * - the memfd's data pages keep their physical addresses across hops;
 * - B's tree holds a new session; C reuses the name of A's finished session.
 */
export function buildKexecChain(hops: 1 | 2 | 3): KexecChainImage {
  const builder = new KhoImageBuilder({ pageSize: PS, ram: [{ ...KEXEC_CHAIN.ram }] });
  const kernels = CHAIN_KERNELS.slice(0, hops);
  const roots: Partial<Record<ChainKernel, number>> = {};
  // The memfd's contents, written once: every hop hands the same pages on.
  KEXEC_CHAIN.memfdFolios.forEach((page, i) => {
    builder.memory.write(page, new TextEncoder().encode(`memfd page ${i}`.padEnd(PS, ' ')));
  });
  let previousMap: readonly number[] = [];
  kernels.forEach((kernel, i) => {
    if (i > 0) consume(builder, kernels[i - 1], previousMap);
    previousMap = placeOutgoingTree(builder, kernel, i + 1);
    roots[kernel] = KEXEC_CHAIN.roots[kernel];
  });
  return { memory: builder.memory, roots };
}

/** One kernel's outgoing tree, preserved in a map of its own; returns the map's pages. */
function placeOutgoingTree(builder: KhoImageBuilder, kernel: ChainKernel, generation: number): readonly number[] {
  const base = KEXEC_CHAIN.roots[kernel];
  const at = (offset: number) => base + offset;
  builder.startNextKernel();
  builder.preserve(KEXEC_CHAIN.reserveMem.start, KEXEC_CHAIN.reserveMem.size);
  for (const folio of KEXEC_CHAIN.memfdFolios) builder.preserve(folio, PS);
  // The memfd_luo_ser and its folio records are new in each kernel; the folios they list are not.
  const folios = { first: BigInt(at(OFFSET.chunk)), totalPages: 1, flags: 1, order: 0 };
  builder.placeBytes(
    at(OFFSET.memfd),
    encodeMemfdSer({ version: 2, pos: 0n, size: 0x2000n, nrFolios: 2, folios }),
    true,
  );
  builder.placeBytes(at(OFFSET.chunk), encodeVmallocChunk(PS, 0, [at(OFFSET.records)]), true);
  builder.placeBytes(
    at(OFFSET.records),
    concatBytes(...KEXEC_CHAIN.memfdFolios.map((address, index) => encodeMemfdFolio(address / PS, 3, index))),
    true,
  );
  builder.placeBytes(
    at(OFFSET.files),
    encodeKhoBlock(PS, 0, [encodeFileEntry('memfd-v2', at(OFFSET.memfd), 1n)]),
    true,
  );
  builder.placeBytes(
    at(OFFSET.sessions),
    encodeKhoBlock(PS, 0, [encodeSessionEntry(KEXEC_CHAIN.sessions[kernel], at(OFFSET.files), 1)]),
    true,
  );
  const children: KhoChildSpec[] = [
    { name: 'memblock', address: at(OFFSET.memblock), blob: memblockBlob() },
    {
      name: 'kexec-metadata',
      address: at(OFFSET.metadata),
      blob: encodeKexecMetadata({ previousRelease: `7.2.0-${kernel}`, kexecCount: generation }),
    },
    {
      name: 'LUO',
      address: at(OFFSET.luo),
      blob: encodeLuoSer({ liveupdateNum: generation, sessionsPa: at(OFFSET.sessions), flbsPa: 0 }),
    },
  ];
  // B only restores kho_test: its own tree has none.
  if (kernel !== 'B') children.push({ name: 'kho_test', address: at(OFFSET.test), blob: khoTestBlob(builder, base) });
  placeKhoRoot(builder, { address: base, compatible: 'kho-v4', map: 'radix-tree', children });
  return [...builder.lastMapPages];
}

/**
 * What the next kernel does to a tree it boots from: walks the map and
 * zeroes its pages, and frees LUO's blob early, whose page then holds
 * unrelated data.
 */
function consume(builder: KhoImageBuilder, kernel: ChainKernel, mapPages: readonly number[]): void {
  for (const page of mapPages) builder.memory.write(page, new Uint8Array(PS));
  const reused = new TextEncoder().encode(`dentry cache page, reused after LUO freed it (${kernel})`.padEnd(PS, '.'));
  builder.memory.write(KEXEC_CHAIN.roots[kernel] + OFFSET.luo, reused);
}

/** The memblock tree every kernel writes for the same `reserve_mem=` argument: byte for byte the same. */
function memblockBlob(): Uint8Array {
  const { start, size } = KEXEC_CHAIN.reserveMem;
  return fdtBlob(
    [['compatible', cstring('memblock-v1')]],
    [
      fdtNode('demo', [
        ['compatible', cstring('reserve-mem-v1')],
        ['start', u64(start)],
        ['size', u64(size)],
      ]),
    ],
  );
}

/** kho_test's tree with two order-0 folios written and preserved near `base`. */
function khoTestBlob(builder: KhoImageBuilder, base: number): Uint8Array {
  const folios = [base + OFFSET.testFolios, base + OFFSET.testFolios + PS];
  for (const folio of folios) builder.placeBytes(folio, new Uint8Array(PS).fill(0x5a), true);
  return fdtBlob(
    [
      ['compatible', cstring('kho-test-v1')],
      ['magic', u32(KHO_TEST_MAGIC)],
    ],
    [
      fdtNode('data', [
        ['nr_folios', u32(folios.length)],
        ['folios_info', u64List(folios)],
        ['csum', u32(0x12345678)],
      ]),
    ],
  );
}
