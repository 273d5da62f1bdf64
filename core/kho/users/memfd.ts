import { hex, readU64 } from '../../bytes/readers';
import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import type { MemfdFolio } from '../model/UserContent';
import { RawStructReader } from '../raw/RawStructReader';
import { readVmallocArea, type VmallocDescriptor } from '../raw/readVmallocArea';

/** Bytes of `memfd_luo_ser` per handler compatible (kho-format.md §6.4). */
export const MEMFD_SER_SIZES: Readonly<Record<string, number>> = { 'memfd-v1': 40, 'memfd-v2': 48 };

/** Bytes of one `memfd_luo_folio_ser`. */
const FOLIO_RECORD_SIZE = 16;
/** `pfn` is bits 0–51 of the record's first u64; `flags` bits 52–63. */
const PFN_BITS = 52n;

/**
 * Decodes a `memfd_luo_ser` (v1: pos, size, nr_folios, folios; v2 adds u32
 * seals and u32 flags after size) and the folio records its vmalloc area
 * holds: each record's pfn, flags and file index. Folio pages are claimed as
 * preserved.
 */
export async function decodeMemfd(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  const version = fragment.format === 'memfd-v2' ? 2 : 1;
  const reader = new RawStructReader(fragment.bytes);
  fragment.content = { kind: 'raw', format: fragment.format, fields: reader.fields };
  const expected = MEMFD_SER_SIZES[fragment.format];
  if (!reader.has(0, expected)) {
    ctx.diagnostics.error(
      'bad-size',
      `${fragment.format} data is ${fragment.bytes.length} bytes; it needs ${expected}`,
      { fragment: fragment.id },
    );
    return;
  }
  const pos = reader.u64('pos', 0);
  const size = reader.u64('size', 8);
  const seals = version === 2 ? reader.u32('seals', 16) : null;
  const flags = version === 2 ? reader.u32('flags', 20) : null;
  const base = version === 2 ? 24 : 16;
  const nrFolios = reader.u64('nr_folios', base);
  const folios = reader.nested(base + 8, 'folios');
  const descriptor: VmallocDescriptor = {
    first: folios.u64('first', 0),
    totalPages: folios.u32('total_pages', 8),
    flags: folios.u16('flags', 12),
    order: folios.u16('order', 14),
  };
  if (flags !== null && flags !== 0) {
    ctx.diagnostics.warning('reserved-bits', `memfd flags ${hex(flags)} has bits set that memfd-v2 leaves unused`, {
      fragment: fragment.id,
      property: 'flags',
      offset: 20,
    });
  }
  fragment.user = { user: 'memfd', version, pos, size, seals, flags, nrFolios, vmallocArea: null, folios: [] };
  if (nrFolios === 0n || descriptor.first === 0n) return;
  if (nrFolios > BigInt(ctx.limits.maxEntries)) {
    ctx.diagnostics.warning(
      'limit-reached',
      `memfd has ${nrFolios} folios, more than maxEntries (${ctx.limits.maxEntries}); records not decoded`,
      { fragment: fragment.id, property: 'nr_folios' },
    );
    return;
  }
  const owner = { fragment: fragment.id, node: '', property: 'folios' };
  const { area, data } = await readVmallocArea(
    ctx,
    owner,
    fragment.root,
    descriptor,
    Number(nrFolios) * FOLIO_RECORD_SIZE,
  );
  fragment.user.vmallocArea = area.id;
  if (!data) return;
  fragment.user.folios = parseFolioRecords(ctx, fragment, data, Number(nrFolios));
}

function parseFolioRecords(ctx: DecodeContext, fragment: Fragment, data: Uint8Array, count: number): MemfdFolio[] {
  const folios: MemfdFolio[] = [];
  for (let i = 0; i < count; i++) {
    const word = readU64(data, i * FOLIO_RECORD_SIZE, 'le');
    const pfn = Number(word & ((1n << PFN_BITS) - 1n));
    const start = pfn * ctx.pageSize;
    const address = Number.isSafeInteger(start) ? start : null;
    folios.push({
      pfn,
      address,
      flags: Number(word >> PFN_BITS),
      index: readU64(data, i * FOLIO_RECORD_SIZE + 8, 'le'),
    });
    const location = { fragment: fragment.id, property: `folios[${i}]` };
    if (address === null)
      ctx.diagnostics.error('address-too-large', `memfd folio ${i} pfn ${hex(pfn)} is past 2^53 bytes`, location);
    else
      ctx.claimPreserved(fragment.root, address, address + ctx.pageSize, `memfd folio ${i}`, { ...location, address });
  }
  return folios;
}
