import { hex, readU64 } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { DecodeContext } from '../decode/DecodeContext';
import { fieldRefId } from '../fieldRefId';
import type { FieldRef } from '../model/FieldRef';
import type { BlockSet } from '../model/SideStructures';

/** Bytes of `struct kho_block_header_ser` (next, count). */
export const KHO_BLOCK_HEADER_SIZE = 16;

/** What kind of entries a block set holds. */
export interface EntryKind {
  /** C struct name, for messages and the side structure. */
  name: string;
  size: number;
}

/**
 * Reads a KHO serialization block set (kho-format.md §2.4): one-page blocks
 * linked by `next`, each with `count` packed entries after a 16-byte header.
 * Like the kernel's reader it rejects a count of 0 or above capacity and
 * bounds the walk (cycles, `maxBlocks`, `maxEntries`). Returns every entry's
 * bytes in order; the blocks become a side structure claimed as preserved.
 */
export async function readKhoBlockSet(
  ctx: DecodeContext,
  owner: FieldRef,
  root: string,
  first: number,
  kind: EntryKind,
): Promise<Uint8Array[]> {
  const set = newBlockSet(ctx, owner, root, 'kho-block', kind, KHO_BLOCK_HEADER_SIZE);
  const location = { fragment: owner.fragment, node: owner.node, property: owner.property, structure: set.id };
  const capacity = Math.floor((ctx.pageSize - KHO_BLOCK_HEADER_SIZE) / kind.size);
  const entries: Uint8Array[] = [];
  const seen = new Set<number>();
  let at: number | null = first;
  while (at !== null && at !== 0) {
    if (seen.has(at)) {
      ctx.diagnostics.error('cycle', `block set of ${kind.name} comes back to block ${hex(at)}`, {
        ...location,
        address: at,
      });
      break;
    }
    if (set.blocks.length >= ctx.limits.maxBlocks) {
      ctx.diagnostics.warning(
        'limit-reached',
        `block set of ${kind.name} is longer than ${ctx.limits.maxBlocks} blocks (maxBlocks)`,
        { ...location, address: at },
      );
      break;
    }
    if (at % ctx.pageSize !== 0) {
      ctx.diagnostics.error('misaligned-pointer', `block ${hex(at)} of a ${kind.name} block set is not page-aligned`, {
        ...location,
        address: at,
      });
      break;
    }
    seen.add(at);
    const page = await ctx.read(at, ctx.pageSize, `${kind.name} block`, location);
    if (!page) break;
    const count = readU64(page, 8, 'le');
    if (count === 0n || count > BigInt(capacity)) {
      ctx.diagnostics.error(
        'block-bad-count',
        `block ${hex(at)} says it holds ${count} ${kind.name} entries; a block holds 1 to ${capacity}`,
        { ...location, address: at + 8 },
      );
      break;
    }
    const n = Number(count);
    set.blocks.push({ address: at, count: n, bytes: ctx.pageSize });
    ctx.claimPreserved(root, at, at + ctx.pageSize, `${kind.name} block`, { ...location, address: at });
    for (let i = 0; i < n && entries.length < ctx.limits.maxEntries; i++) {
      const start = KHO_BLOCK_HEADER_SIZE + i * kind.size;
      entries.push(page.subarray(start, start + kind.size));
    }
    const next = readU64(page, 0, 'le');
    at = toAddress(next);
    if (at === null)
      ctx.diagnostics.error(
        'address-too-large',
        `block ${hex(set.blocks[set.blocks.length - 1].address)}'s next pointer ${hex(next)} is not a usable physical address`,
        location,
      );
  }
  return entries;
}

/**
 * Reads a plain array of `count` entries at `address` + `headerBytes` (LUO v1
 * keeps sessions, files and FLBs this way), bounded by `maxEntries` and the
 * fragment size limit. `spanBytes` is how much memory the array's owner
 * allocated (for the preserved claim), when larger than header + entries.
 */
export async function readEntryArray(
  ctx: DecodeContext,
  owner: FieldRef,
  root: string,
  address: number,
  headerBytes: number,
  count: bigint,
  kind: EntryKind,
  spanBytes = 0,
): Promise<Uint8Array[] | null> {
  const set = newBlockSet(ctx, owner, root, 'array', kind, headerBytes);
  const location = { fragment: owner.fragment, node: owner.node, property: owner.property, structure: set.id };
  if (count > BigInt(ctx.limits.maxEntries)) {
    ctx.diagnostics.warning(
      'limit-reached',
      `array of ${count} ${kind.name} entries is larger than maxEntries (${ctx.limits.maxEntries})`,
      { ...location, address },
    );
    return null;
  }
  const n = Number(count);
  const length = headerBytes + n * kind.size;
  if (length > ctx.limits.maxFragmentBytes) {
    ctx.diagnostics.warning(
      'limit-reached',
      `array of ${n} ${kind.name} entries (${length} bytes) is larger than maxFragmentBytes`,
      { ...location, address },
    );
    return null;
  }
  const bytes = await ctx.read(address, length, `array of ${kind.name}`, location);
  if (!bytes) return null;
  const span = Math.max(length, spanBytes);
  set.blocks.push({ address, count: n, bytes: span });
  ctx.claimPreserved(root, address, address + span, `array of ${kind.name}`, { ...location, address });
  return Array.from({ length: n }, (_, i) =>
    bytes.subarray(headerBytes + i * kind.size, headerBytes + (i + 1) * kind.size),
  );
}

function newBlockSet(
  ctx: DecodeContext,
  owner: FieldRef,
  root: string,
  layout: BlockSet['layout'],
  kind: EntryKind,
  headerBytes: number,
): BlockSet {
  const set: BlockSet = {
    id: fieldRefId(owner, 'blocks:'),
    owner,
    root,
    layout,
    entry: kind.name,
    entrySize: kind.size,
    headerBytes,
    blocks: [],
  };
  ctx.blockSets.push(set);
  return set;
}
