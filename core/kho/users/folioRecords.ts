import { hex, readU64 } from '../../bytes/readers';
import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import type { MemfdFolio } from '../model/UserContent';
import { readVmallocArea, type VmallocDescriptor } from '../raw/readVmallocArea';

/** Bytes of one folio record (`memfd_luo_folio_ser`, `guest_memfd_luo_folio_ser`). */
const FOLIO_RECORD_SIZE = 16;
/** `pfn` is bits 0–51 of the record's first u64; `flags` bits 52–63. */
const PFN_BITS = 52n;

/**
 * Reads the folio records of a memfd-like handler from their vmalloc area:
 * u64 {pfn:52, flags:12} and u64 index, each folio's page claimed as
 * preserved. `flagNames[i]` names flag bit i for this handler (memfd and
 * guest_memfd number them differently). Returns the area id and the folios.
 */
export async function readFolioRecords(
  ctx: DecodeContext,
  fragment: Fragment,
  nrFolios: bigint,
  descriptor: VmallocDescriptor,
  what: string,
  flagNames: readonly string[],
): Promise<{ vmallocArea: string | null; folios: MemfdFolio[] }> {
  if (nrFolios === 0n || descriptor.first === 0n) return { vmallocArea: null, folios: [] };
  if (nrFolios > BigInt(ctx.limits.maxEntries)) {
    ctx.diagnostics.warning(
      'limit-reached',
      `${what} has ${nrFolios} folios, more than maxEntries (${ctx.limits.maxEntries}); records not decoded`,
      { fragment: fragment.id, property: 'nr_folios' },
    );
    return { vmallocArea: null, folios: [] };
  }
  const owner = { fragment: fragment.id, node: '', property: 'folios' };
  const count = Number(nrFolios);
  const { area, data } = await readVmallocArea(ctx, owner, fragment.root, descriptor, count * FOLIO_RECORD_SIZE);
  if (!data) return { vmallocArea: area.id, folios: [] };
  const folios: MemfdFolio[] = [];
  for (let i = 0; i < count; i++) {
    const word = readU64(data, i * FOLIO_RECORD_SIZE, 'le');
    const pfn = Number(word & ((1n << PFN_BITS) - 1n));
    const start = pfn * ctx.pageSize;
    const address = Number.isSafeInteger(start) ? start : null;
    const flags = Number(word >> PFN_BITS);
    folios.push({
      pfn,
      address,
      flags,
      state: flagState(flags, flagNames),
      index: readU64(data, i * FOLIO_RECORD_SIZE + 8, 'le'),
    });
    const location = { fragment: fragment.id, property: `folios[${i}]` };
    if (address === null)
      ctx.diagnostics.error('address-too-large', `${what} folio ${i} pfn ${hex(pfn)} is past 2^53 bytes`, location);
    else
      ctx.claimPreserved(
        fragment.root,
        address,
        address + ctx.pageSize,
        `${what} folio ${i}`,
        { ...location, address },
        { kind: 'head', consequence: 'kho_restore_folio() will not find it and retrieving the file will fail' },
      );
  }
  return { vmallocArea: area.id, folios };
}

/** The set bits of `flags` by name (`bit N` for bits the handler does not name). */
export function flagState(flags: number | bigint, names: readonly string[]): string[] {
  const value = BigInt(flags);
  const state: string[] = [];
  for (let bit = 0; bit < 64; bit++) if ((value >> BigInt(bit)) & 1n) state.push(names[bit] ?? `bit ${bit}`);
  return state;
}
