import { hex, readU16, readU32, readU64 } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { DecodeContext } from '../decode/DecodeContext';
import { fieldRefId } from '../fieldRefId';
import type { FieldRef } from '../model/FieldRef';
import type { VmallocArea } from '../model/SideStructures';
import type { TypedValue } from '../model/TypedValue';
import { readPages } from './readPages';

/** Bytes of `struct kho_vmalloc`. */
export const KHO_VMALLOC_SIZE = 16;

/** `struct kho_vmalloc` as stored (kho-format.md §2.3). */
export interface VmallocDescriptor {
  first: bigint;
  totalPages: number;
  flags: number;
  order: number;
}

/** Reads a `struct kho_vmalloc` at `offset` of `bytes`. */
export function parseVmallocDescriptor(bytes: Uint8Array, offset: number): VmallocDescriptor {
  return {
    first: readU64(bytes, offset, 'le'),
    totalPages: readU32(bytes, offset + 8, 'le'),
    flags: readU16(bytes, offset + 12, 'le'),
    order: readU16(bytes, offset + 14, 'le'),
  };
}

/** A descriptor as a typed struct value, for showing the property or field that holds it. */
export function vmallocDescriptorValue(descriptor: VmallocDescriptor): TypedValue {
  return {
    kind: 'struct',
    struct: 'kho_vmalloc',
    fields: [
      { name: 'first', value: { kind: 'u64', value: descriptor.first, order: 'le', basis: 'abi' } },
      { name: 'total_pages', value: { kind: 'u32', value: descriptor.totalPages, order: 'le', basis: 'abi' } },
      { name: 'flags', value: { kind: 'u16', value: descriptor.flags, order: 'le', basis: 'abi' } },
      { name: 'order', value: { kind: 'u16', value: descriptor.order, order: 'le', basis: 'abi' } },
    ],
    basis: 'abi',
  };
}

/** Largest piece order accepted (a 2^20-page piece is already 4 GiB on 4 KiB pages). */
const MAX_ORDER = 20;

/**
 * Walks the chunk pages of a vmalloc area, records it as a side structure,
 * and returns its first `wantBytes` data bytes (the pieces concatenated), or
 * null when they cannot all be read. Chunk and data pages are claimed as
 * preserved. Every problem is a diagnostic on the area.
 */
export async function readVmallocArea(
  ctx: DecodeContext,
  owner: FieldRef,
  root: string,
  descriptor: VmallocDescriptor,
  wantBytes: number,
): Promise<{ area: VmallocArea; data: Uint8Array | null }> {
  const id = fieldRefId(owner, 'vmalloc:');
  const location = { fragment: owner.fragment, node: owner.node, property: owner.property, structure: id };
  const first = toAddress(descriptor.first);
  const area: VmallocArea = {
    id,
    owner,
    root,
    first,
    totalPages: descriptor.totalPages,
    flags: descriptor.flags,
    order: descriptor.order,
    chunks: [],
    pieces: [],
  };
  ctx.vmallocAreas.push(area);
  if (first === null) {
    ctx.diagnostics.error(
      'address-too-large',
      `vmalloc area's first chunk ${hex(descriptor.first)} is not a usable physical address`,
      location,
    );
    return { area, data: null };
  }
  if (descriptor.order > MAX_ORDER) {
    ctx.diagnostics.error(
      'vmalloc-bad-order',
      `vmalloc area's piece order ${descriptor.order} is not plausible (at most ${MAX_ORDER})`,
      location,
    );
    return { area, data: null };
  }
  const pieceBytes = ctx.pageSize * 2 ** descriptor.order;
  const piecesNeeded = Math.ceil(descriptor.totalPages / 2 ** descriptor.order);
  await walkChunks(ctx, area, piecesNeeded, pieceBytes, location);
  // Without memory the walk stopped at the first chunk and said why; nothing is missing.
  if (!ctx.memory) return { area, data: null };
  const pages = area.pieces.length * 2 ** descriptor.order;
  if (pages < descriptor.totalPages) {
    ctx.diagnostics.error(
      'vmalloc-missing-pages',
      `vmalloc area lists ${pages} pages but total_pages is ${descriptor.totalPages}`,
      location,
    );
  }
  for (const chunk of area.chunks)
    ctx.claimPreserved(
      root,
      chunk,
      chunk + ctx.pageSize,
      'vmalloc chunk page',
      { ...location, address: chunk },
      { kind: 'pages' },
    );
  for (const piece of area.pieces)
    ctx.claimPreserved(
      root,
      piece,
      piece + pieceBytes,
      'vmalloc data',
      { ...location, address: piece },
      { kind: 'pages' },
    );
  const length = Math.min(wantBytes, pages * ctx.pageSize);
  if (length < wantBytes) return { area, data: null };
  if (length > ctx.limits.maxFragmentBytes) {
    ctx.diagnostics.warning(
      'limit-reached',
      `vmalloc data of ${length} bytes was not read (limit maxFragmentBytes = ${ctx.limits.maxFragmentBytes})`,
      location,
    );
    return { area, data: null };
  }
  const pagesOfData: number[] = [];
  for (let page = 0; page * ctx.pageSize < length; page++) {
    const piece = area.pieces[Math.floor(page / 2 ** descriptor.order)];
    pagesOfData.push(piece + (page % 2 ** descriptor.order) * ctx.pageSize);
  }
  return { area, data: await readPages(ctx, pagesOfData, length, 'vmalloc data', location) };
}

/** Follows `hdr.next` from the first chunk, collecting piece addresses until enough are found or the list ends. */
async function walkChunks(
  ctx: DecodeContext,
  area: VmallocArea,
  piecesNeeded: number,
  pieceBytes: number,
  location: { fragment: string; structure: string },
): Promise<void> {
  const perChunk = (ctx.pageSize - 8) / 8;
  const seen = new Set<number>();
  let at: number | null = area.first;
  while (at !== null && at !== 0 && area.pieces.length < piecesNeeded) {
    if (seen.has(at)) {
      ctx.diagnostics.error('cycle', `vmalloc chunk list comes back to chunk ${hex(at)}`, { ...location, address: at });
      return;
    }
    if (area.chunks.length >= ctx.limits.maxBlocks) {
      ctx.diagnostics.warning(
        'limit-reached',
        `vmalloc chunk list is longer than ${ctx.limits.maxBlocks} chunks (maxBlocks)`,
        { ...location, address: at },
      );
      return;
    }
    if (at % ctx.pageSize !== 0) {
      ctx.diagnostics.error('misaligned-pointer', `vmalloc chunk ${hex(at)} is not page-aligned`, {
        ...location,
        address: at,
      });
      return;
    }
    seen.add(at);
    const page = await ctx.read(at, ctx.pageSize, 'vmalloc chunk', location);
    if (!page) return;
    area.chunks.push(at);
    for (let i = 0; i < perChunk && area.pieces.length < piecesNeeded; i++) {
      const raw = readU64(page, 8 + 8 * i, 'le');
      if (raw === 0n) break;
      const piece = toAddress(raw);
      if (piece === null || piece % pieceBytes !== 0) {
        ctx.diagnostics.error(
          'misaligned-pointer',
          `vmalloc chunk ${hex(at)} entry ${i} (${hex(raw)}) is not a ${pieceBytes}-byte aligned address`,
          { ...location, address: at + 8 + 8 * i },
        );
        return;
      }
      area.pieces.push(piece);
    }
    const next = readU64(page, 0, 'le');
    at = toAddress(next);
    if (at === null)
      ctx.diagnostics.error(
        'address-too-large',
        `vmalloc chunk's next pointer ${hex(next)} is not a usable physical address`,
        location,
      );
  }
}
