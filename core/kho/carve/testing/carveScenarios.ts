import { exportChunks } from '../../../mem/export/exportChunks';
import type { ExportFile } from '../../../mem/export/ExportPlan';
import type { MemoryImage } from '../../../mem/OpenedImage';
import { openImage } from '../../../mem/openImage';
import type { PhysRange } from '../../../mem/PhysicalMemory';
import { BytesSource } from '../../../mem/sources/BytesSource';
import type { SparseMemory } from '../../../mem/SparseMemory';
import { buildElfCore, flattenPieces } from '../../../mem/testing/ElfCoreBuilder';
import { fdtBlob, fdtDocument, fdtNode } from '../../../build/fdtTree';
import { KhoImageBuilder } from '../../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../../build/placeKhoRoot';
import {
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
} from '../../../build/rawStructs';
import { encodeAnchorPage } from '../../discover/encodeAnchorPage';
import { buildSeedExample } from '../../../build/seedExample';
import { concatBytes, cstring, u32, u64, u64List } from '../../../bytes/encoders';

/**
 * Synthetic images for the carve tests: every scheme the decoder follows,
 * each with `SECRET` written where a real machine keeps the data a carve
 * must leave out (reserve-mem regions, memfd and test folios, the unused
 * rest of blob pages, an unrelated FDT).
 */

/** The marker no carved image may contain (without `includeData`). */
export const SECRET = 'SECRET-DATA-MUST-NOT-LEAK';

/** One test image: its memory and the page size its kernel used. */
export interface CarveScenario {
  name: string;
  memory: SparseMemory;
  pageSize: number;
}

const PS = 4096;

function secret(memory: SparseMemory, address: number): void {
  memory.write(address, new TextEncoder().encode(SECRET));
}

/** kho-v4 with a radix tree: memblock, raw LUO v5 (sessions, files, memfd-v2 and its folios, FLBs), kho_test through a vmalloc area, kexec-metadata, and a decoy FDT. */
function mainline(): CarveScenario {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  const { memory } = builder;
  builder.preserve(0x80_0000, 0x10_0000);
  secret(memory, 0x80_0000);
  secret(memory, 0x83_0000);
  const memblock = fdtBlob(
    [['compatible', cstring('memblock-v1')]],
    [
      fdtNode('demo', [
        ['compatible', cstring('reserve-mem-v1')],
        ['start', u64(0x80_0000)],
        ['size', u64(0x10_0000)],
      ]),
    ],
  );

  builder.placeBytes(0x11000, encodeKhoBlock(PS, 0, [encodeSessionEntry('demo', 0x12000, 1)]), true);
  builder.placeBytes(0x12000, encodeKhoBlock(PS, 0, [encodeFileEntry('memfd-v2', 0x13000, 0x4b48n)]), true);
  builder.placeBytes(
    0x13000,
    encodeMemfdSer({
      version: 2,
      pos: 0n,
      size: 0x2000n,
      nrFolios: 2,
      folios: { first: 0x14000n, totalPages: 1, flags: 1, order: 0 },
    }),
    true,
  );
  builder.placeBytes(0x14000, encodeVmallocChunk(PS, 0, [0x15000]), true);
  builder.placeBytes(0x15000, concatBytes(encodeMemfdFolio(0x200, 3, 0), encodeMemfdFolio(0x201, 3, 1)), true);
  builder.preserve(0x20_0000, 2 * PS);
  secret(memory, 0x20_0000);
  secret(memory, 0x20_1000);
  builder.placeBytes(0x16000, encodeFlbHeader(1, [encodeFlbEntry('iommu', 0x1234n, 1n)]), true);

  builder.placeBytes(0x21000, encodeVmallocChunk(PS, 0, [0x22000]), true);
  builder.placeBytes(0x22000, u64List([0x40_0000 | 1]), true);
  builder.preserve(0x40_0000, 2 * PS);
  secret(memory, 0x40_1000);
  const khoTest = fdtBlob(
    [
      ['compatible', cstring('kho-test-v1')],
      ['magic', u32(0x4b484f21)],
    ],
    [
      fdtNode('data', [
        ['nr_folios', u32(1)],
        ['folios_info', encodeVmallocDescriptor({ first: 0x21000n, totalPages: 1, flags: 1, order: 0 })],
        ['csum', u32(0)],
      ]),
    ],
  );
  memory.write(
    0xf0000,
    fdtBlob([
      ['compatible', cstring('linux,dummy-virt')],
      ['bootargs', cstring(SECRET)],
    ]),
  );
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [
      { name: 'memblock', address: 0x8000, blob: memblock },
      { name: 'LUO', address: 0x10000, blob: encodeLuoSer({ liveupdateNum: 1, sessionsPa: 0x11000, flbsPa: 0x16000 }) },
      { name: 'kho_test', address: 0x20000, blob: khoTest },
      {
        name: 'kexec-metadata',
        address: 0x30000,
        blob: encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 }),
      },
    ],
  });
  // The rest of a blob's page is never read: it must not travel either.
  secret(memory, 0x10800);
  return {
    name: 'kho-v4 radix tree: memblock, LUO v5 + memfd, kho_test vmalloc, kexec-metadata',
    memory,
    pageSize: PS,
  };
}

/** kho-v1 with a chunk list: `fdt` children, LUO v1 as an FDT with a session header array, a file array and memfd-v1. */
function khoV1(): CarveScenario {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  builder.placeBytes(0x11000, concatBytes(u64(1), encodeSessionEntry('old-style', 0x12000, 1)), true);
  builder.placeBytes(0x12000, encodeFileEntry('memfd-v1', 0x13000, 7n), true);
  builder.placeBytes(
    0x13000,
    encodeMemfdSer({
      version: 1,
      pos: 0n,
      size: 0x1000n,
      nrFolios: 1,
      folios: { first: 0x14000n, totalPages: 1, flags: 1, order: 0 },
    }),
    true,
  );
  builder.placeBytes(0x14000, encodeVmallocChunk(PS, 0, [0x15000]), true);
  builder.placeBytes(0x15000, encodeMemfdFolio(0x300, 3, 0), true);
  builder.preserve(0x30_0000, PS);
  secret(builder.memory, 0x30_0000);
  const luo = fdtBlob(
    [
      ['compatible', cstring('luo-v1')],
      ['liveupdate-number', u64(3)],
    ],
    [
      fdtNode('luo-session', [
        ['compatible', cstring('luo-session-v2')],
        ['luo-session-header', u64(0x11000)],
      ]),
    ],
  );
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible: 'kho-v1',
    map: 'chunk-list',
    children: [
      { name: 'LUO', address: 0x10000, blob: luo },
      { name: 'plain', address: 0x20000, blob: fdtBlob([['compatible', cstring('plain-v1')]]) },
    ],
  });
  return { name: 'kho-v1 chunk list: fdt children, LUO v1 FDT + memfd-v1', memory: builder.memory, pageSize: PS };
}

/** The seed's worked example: draft `kho,recursive-fdt` page lists, big-endian, no map. */
function seed(): CarveScenario {
  return { name: 'seed example: draft page lists', memory: buildSeedExample().memory, pageSize: PS };
}

/** A top-level FDT over three pages through a two-page KHOANCH1 chain, a draft child, and a broken chain that discovery rejects (the page it lists is never read). */
function anchored(): CarveScenario {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  const pages = [0x2_0000, 0x5_0000, 0x4_0000];
  const children = [fdtNode('child', [['kho,recursive-fdt', u64List([0x6_0000], 'be')]])];
  for (let i = 0; i < 240; i++) children.push(fdtNode(`user${i}`, [['note', cstring(`in-place node ${i}`)]]));
  const size = builder.placeFdtOnPages(pages, fdtDocument([['compatible', cstring('kho-v1')]], children));
  builder.placeFdt(0x6_0000, fdtDocument([['compatible', cstring('child-v1')]]));
  builder.placeAnchorChain([0x1_0000, 0x3_0000], pages, size, [2, 1]);
  builder.memory.write(0x8_0000, encodeAnchorPage(PS, { next: 0x9_0000, fdtSize: 100, pages: [0xa_0000] }));
  secret(builder.memory, 0xa_0000);
  return { name: 'KHOANCH1 anchor chain, plus a broken chain', memory: builder.memory, pageSize: PS };
}

/** RAM with a hole; kho-v2 children: one not preserved, one in the second RAM range, one without an FDT, one dangling into the hole. */
function broken(): CarveScenario {
  const builder = new KhoImageBuilder({
    ram: [
      { start: 0, end: 0x10_0000 },
      { start: 0x20_0000, end: 0x30_0000 },
    ],
  });
  builder.placeFdt(0x8000, fdtBlob([['compatible', cstring('a-v1')]]));
  builder.placeFdt(0x20_1000, fdtBlob([['compatible', cstring('late-v1')]]), true);
  builder.placeBytes(0x9000, new Uint8Array(64).fill(0xee), true);
  builder.reserve(0x1000, PS);
  builder.preserve(0x1000, PS);
  const map = builder.writeRadixMap();
  const child = (name: string, address: number) => fdtNode(name, [['preserved-data', u64(address)]]);
  builder.placeFdt(
    0x1000,
    fdtBlob(
      [
        ['compatible', cstring('kho-v2')],
        ['preserved-memory-map', u64(map)],
      ],
      [child('unpreserved', 0x8000), child('late', 0x20_1000), child('junk', 0x9000), child('hole', 0x18_0000)],
    ),
  );
  return { name: 'holes and errors: dangling, not preserved, bad magic', memory: builder.memory, pageSize: PS };
}

/** Two kho-v4 roots in one image. */
function twoRoots(): CarveScenario {
  return { name: 'two roots', memory: twoRootsMemory(), pageSize: PS };
}

/**
 * Two kho-v4 roots in RAM [1 MiB, 2 MiB): 0x110000 with child `a` at
 * 0x120000, 0x130000 with child `b` at 0x140000 (a-v1 and b-v1).
 */
export function twoRootsMemory(): SparseMemory {
  const builder = new KhoImageBuilder({ ram: [{ start: 0x10_0000, end: 0x20_0000 }] });
  placeKhoRoot(builder, {
    address: 0x11_0000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [{ name: 'a', address: 0x12_0000, blob: fdtBlob([['compatible', cstring('a-v1')]]) }],
  });
  placeKhoRoot(builder, {
    address: 0x13_0000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [{ name: 'b', address: 0x14_0000, blob: fdtBlob([['compatible', cstring('b-v1')]]) }],
  });
  return builder.memory;
}

/** kho-v3 on 16 KiB pages: the carved image must say its page size itself. */
function bigPages(): CarveScenario {
  const builder = new KhoImageBuilder({ pageSize: 0x4000, ram: [{ start: 0, end: 0x100_0000 }] });
  builder.preserve(0x80_0000, 0x8000);
  secret(builder.memory, 0x80_4000);
  const memblock = fdtBlob(
    [['compatible', cstring('memblock-v1')]],
    [
      fdtNode('r', [
        ['compatible', cstring('reserve-mem-v1')],
        ['start', u64(0x80_0000)],
        ['size', u64(0x8000)],
      ]),
    ],
  );
  placeKhoRoot(builder, {
    address: 0x4000,
    compatible: 'kho-v3',
    map: 'radix-tree',
    children: [{ name: 'memblock', address: 0x10000, blob: memblock }],
  });
  return { name: 'kho-v3 on 16 KiB pages', memory: builder.memory, pageSize: 0x4000 };
}

/** Every scenario. */
export function carveScenarios(): CarveScenario[] {
  return [mainline(), khoV1(), seed(), anchored(), broken(), twoRoots(), bigPages()];
}

/**
 * A scenario as the ELF core a dump tool would write: one PT_LOAD per RAM
 * range, and a VMCOREINFO with a release, the page size (unless
 * `statePageSize` is false) and a KASLR offset, which a carve must not copy.
 */
export async function openScenario(scenario: CarveScenario, statePageSize = true): Promise<MemoryImage> {
  const { memory } = scenario;
  const info = [
    'OSRELEASE=6.99.0-test',
    ...(statePageSize ? [`PAGESIZE=${scenario.pageSize}`] : []),
    'KERNELOFFSET=2a000000',
    '',
  ].join('\n');
  const segments = memory.ranges.map((range: PhysRange) => ({
    paddr: range.start,
    data: memory.readSync(range.start, range.end - range.start),
  }));
  const bytes = flattenPieces(
    buildElfCore({
      elfClass: 64,
      littleEndian: true,
      segments,
      notes: [{ name: 'VMCOREINFO', type: 0, desc: new TextEncoder().encode(info) }],
    }),
  );
  return openMemoryImage(bytes, `${scenario.name}.elf`, statePageSize ? undefined : scenario.pageSize);
}

/** Opens bytes that must be a memory image. */
export async function openMemoryImage(bytes: Uint8Array, name: string, pageSize?: number): Promise<MemoryImage> {
  const image = await openImage(new BytesSource(bytes, name), { pageSize });
  if (image.kind !== 'memory') throw new Error(`${name} opened as ${image.kind}, not as memory`);
  return image;
}

/** The bytes of an exported file, in one array. */
export async function exportedBytes(file: ExportFile): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  let at = 0;
  for await (const chunk of exportChunks(file)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
