import { emptyFdtDocument, type FdtDocument } from '../fdt/FdtDocument';
import { writeFdt } from '../fdt/writeFdt';
import { fdtNode } from '../build/fdtTree';
import {
  encodeFeatureHeader,
  encodeFileEntry,
  encodeFlbEntry,
  encodeFlbHeader,
  encodeKexecMetadata,
  encodeKhoBlock,
  encodeLuoFeatureSer,
  encodeLuoSer,
  encodeMemfdFolio,
  encodeMemfdSer,
  encodeSessionEntry,
  encodeVmallocChunk,
  encodeVmallocDescriptor,
} from '../build/rawStructs';
import { concatBytes, cstring, u32, u64List } from '../bytes/encoders';
import { KHO_TEST_MAGIC } from '../kho/users/khoTest';
import { LUO_FEATURE_SER_SIZE, LUO_SER_SIZE } from '../kho/users/luo/decodeLuoSer';
import type { VmallocDescriptor } from '../kho/raw/readVmallocArea';
import type { FragmentSpec, KhoTestSpec, LuoSerSpec, MemfdSpec } from './BuildSpec';
import type { SpecAllocator } from './SpecAllocator';
import { SpecError } from './SpecError';

/** Bytes a struct fragment writes besides itself: its block pages, folios, vmalloc chunks and data. All preserved with it. */
export interface ExtraWrite {
  at: number;
  bytes: Uint8Array;
}

/** A struct fragment's own bytes and the pages it keeps elsewhere. */
export interface EncodedStruct {
  bytes: Uint8Array;
  extras: ExtraWrite[];
}

/** `vmalloc` area flag: the area was `VM_ALLOC` (kho-format.md §2.3). */
const VM_ALLOC = 0x1;

/**
 * The size of a struct fragment before anything is placed (the layout of
 * its parents needs it), from an encoding with stand-in addresses.
 */
export function structSize(spec: FragmentSpec): number {
  switch (spec.kind) {
    case 'kexec-metadata':
      return 73;
    case 'luo-ser':
      return spec.features ? LUO_FEATURE_SER_SIZE : LUO_SER_SIZE;
    case 'memfd':
      return spec.version === 2 ? 48 : 40;
    case 'kho-test':
      return writeFdt(
        khoTestDocument(
          spec,
          spec.storage === 'vmalloc' ? new Uint8Array(16) : new Uint8Array(8 * spec.folios.length),
          0,
        ),
      ).length;
    default:
      throw new SpecError('fragment', `${spec.kind} is not a struct`);
  }
}

/**
 * Encodes a struct fragment, taking the pages it keeps elsewhere from the
 * allocator (in a fixed order, so builds repeat): LUO's session and file
 * blocks and FLB page, a memfd's folios and its folio-record vmalloc area,
 * kho_test's folios and its folio-list vmalloc area. `addressOf` gives the
 * address of another fragment (a LUO file's memfd data).
 */
export function encodeStructFragment(
  id: string,
  spec: FragmentSpec,
  alloc: SpecAllocator,
  addressOf: (fragment: string) => number,
): EncodedStruct {
  switch (spec.kind) {
    case 'kexec-metadata':
      return { bytes: encodeKexecMetadata(spec), extras: [] };
    case 'luo-ser':
      return encodeLuo(id, spec, alloc, addressOf);
    case 'memfd':
      return encodeMemfd(spec, alloc);
    case 'kho-test':
      return encodeKhoTest(spec, alloc);
    default:
      throw new SpecError(`fragments.${id}`, `${spec.kind} is not a struct`);
  }
}

function encodeLuo(
  id: string,
  spec: LuoSerSpec,
  alloc: SpecAllocator,
  addressOf: (fragment: string) => number,
): EncodedStruct {
  const ps = alloc.pageSize;
  const extras: ExtraWrite[] = [];
  let sessionsPa = 0;
  if (spec.sessions) {
    const sessionEntries = spec.sessions.map((session) => {
      const files = session.files.map((file) => {
        const data = typeof file.data === 'string' ? BigInt(addressOf(file.data)) : file.data;
        return encodeFileEntry(file.compatible, data, file.token);
      });
      const first = files.length === 0 ? 0 : blockSet(files, 64, alloc, extras);
      return encodeSessionEntry(session.name, first, session.count ?? files.length);
    });
    if (sessionEntries.length === 0)
      throw new SpecError(
        `fragments.${id}.sessions`,
        'a block set needs at least one entry (the kernel rejects a count of 0): give sessions, or null for none yet',
      );
    sessionsPa = blockSet(sessionEntries, 80, alloc, extras);
  }
  let flbsPa = 0;
  if (spec.flbs) {
    flbsPa = alloc.page();
    const page = new Uint8Array(ps);
    page.set(
      encodeFlbHeader(
        1,
        spec.flbs.map((flb) => encodeFlbEntry(flb.name, flb.data, flb.count)),
      ).subarray(0, ps),
    );
    extras.push({ at: flbsPa, bytes: page });
  }
  const { liveupdateNum } = spec;
  return {
    bytes: spec.features
      ? encodeLuoFeatureSer({ features: encodeFeatureHeader(spec.features), liveupdateNum, sessionsPa, flbsPa })
      : encodeLuoSer({ compatible: spec.compatible, liveupdateNum, sessionsPa, flbsPa }),
    extras,
  };
}

/** Writes entries into linked one-page KHO blocks (kho-format.md §2.4) and returns the first block. */
function blockSet(entries: Uint8Array[], entrySize: number, alloc: SpecAllocator, extras: ExtraWrite[]): number {
  const perBlock = Math.floor((alloc.pageSize - 16) / entrySize);
  const blocks: Uint8Array[][] = [];
  for (let i = 0; i < entries.length; i += perBlock) blocks.push(entries.slice(i, i + perBlock));
  const pages = blocks.map(() => alloc.page());
  blocks.forEach((block, i) =>
    extras.push({ at: pages[i], bytes: encodeKhoBlock(alloc.pageSize, pages[i + 1] ?? 0, block) }),
  );
  return pages[0];
}

/**
 * Puts `data` into a vmalloc area of order-0 pages with its chunk pages
 * (kho-format.md §2.3) and returns the descriptor.
 */
function vmallocArea(data: Uint8Array, alloc: SpecAllocator, extras: ExtraWrite[]): VmallocDescriptor {
  const ps = alloc.pageSize;
  const pageCount = Math.max(1, Math.ceil(data.length / ps));
  const perChunk = (ps - 8) / 8;
  const chunkCount = Math.ceil(pageCount / perChunk);
  const chunks = Array.from({ length: chunkCount }, () => alloc.page());
  const pieces = Array.from({ length: pageCount }, () => alloc.page());
  pieces.forEach((page, i) => {
    const bytes = new Uint8Array(ps);
    bytes.set(data.subarray(i * ps, (i + 1) * ps));
    extras.push({ at: page, bytes });
  });
  chunks.forEach((chunk, i) =>
    extras.push({
      at: chunk,
      bytes: encodeVmallocChunk(ps, chunks[i + 1] ?? 0, pieces.slice(i * perChunk, (i + 1) * perChunk)),
    }),
  );
  return { first: BigInt(chunks[0]), totalPages: pageCount, flags: VM_ALLOC, order: 0 };
}

function encodeMemfd(spec: MemfdSpec, alloc: SpecAllocator): EncodedStruct {
  const extras: ExtraWrite[] = [];
  const records = spec.folios.map((folio) => {
    const page = alloc.page();
    extras.push({ at: page, bytes: folio.bytes });
    return encodeMemfdFolio(page / alloc.pageSize, folio.flags, Number(folio.index));
  });
  const folios =
    records.length === 0
      ? { first: 0n, totalPages: 0, flags: 0, order: 0 }
      : vmallocArea(concatBytes(...records), alloc, extras);
  return {
    bytes: encodeMemfdSer({
      version: spec.version,
      pos: spec.pos,
      size: spec.size,
      seals: spec.seals,
      flags: spec.flags,
      nrFolios: spec.folios.length,
      folios,
    }),
    extras,
  };
}

function encodeKhoTest(spec: KhoTestSpec, alloc: SpecAllocator): EncodedStruct {
  const extras: ExtraWrite[] = [];
  const words = spec.folios.map((folio) => {
    const at = alloc.run(2 ** folio.order);
    extras.push({ at, bytes: folio.bytes });
    return BigInt(at) | BigInt(folio.order);
  });
  const list = u64List(words);
  const info = spec.storage === 'vmalloc' ? encodeVmallocDescriptor(vmallocArea(list, alloc, extras)) : list;
  const csum = spec.csum ?? standInChecksum(spec.folios.map((folio) => folio.bytes));
  return { bytes: writeFdt(khoTestDocument(spec, info, csum)), extras };
}

/** The kho_test FDT as lib/test_kho.c lays it out: compatible and magic, then /data with nr_folios, folios_info, csum. */
function khoTestDocument(spec: KhoTestSpec, info: Uint8Array, csum: number): FdtDocument {
  const data = fdtNode('data', [
    ['nr_folios', u32(spec.folios.length)],
    ['folios_info', info],
    ['csum', u32(csum)],
  ]);
  return {
    ...emptyFdtDocument(),
    root: fdtNode(
      '',
      [
        ['compatible', cstring('kho-test-v1')],
        ['magic', u32(KHO_TEST_MAGIC)],
      ],
      [data],
    ),
  };
}

/**
 * khoscope's stand-in for kho_test's checksum: the folio bytes read as
 * little-endian u32 words, added with end-around carry. The kernel uses
 * `csum_partial`, whose exact value is architecture code; nothing decodes
 * or checks the value, it only has to look like one.
 */
export function standInChecksum(folios: Uint8Array[]): number {
  let sum = 0;
  for (const bytes of folios) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 4 <= bytes.length; i += 4) {
      sum += view.getUint32(i, true);
      sum = (sum & 0xffffffff) + Math.floor(sum / 0x1_0000_0000);
    }
  }
  return sum >>> 0;
}
