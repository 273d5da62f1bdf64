import { hex } from '../../bytes/readers';
import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import type { FeatureHeader } from '../model/UserContent';
import { openRawStruct } from '../raw/openRawStruct';
import type { RawStructReader } from '../raw/RawStructReader';
import type { VmallocDescriptor } from '../raw/readVmallocArea';
import { FEATURE_HEADER_SIZE, MEMFD_FEATURES, readFeatureHeader } from './luo/featureHeader';
import { readFolioRecords } from './folioRecords';

/** The three `memfd_luo_ser` layouts, by the fragment format their handler picked (luo/handlers.ts). */
const LAYOUTS: Readonly<Record<string, { version: 1 | 2; header: number; size: number }>> = {
  'memfd-v1': { version: 1, header: 0, size: 40 },
  'memfd-v2': { version: 2, header: 0, size: 48 },
  'memfd-features': { version: 2, header: FEATURE_HEADER_SIZE, size: FEATURE_HEADER_SIZE + 48 },
};

/** memfd's folio flag bits (`MEMFD_LUO_FOLIO_*`): unlike guest_memfd, UPTODATE is bit 1. */
export const MEMFD_FOLIO_FLAGS: readonly string[] = ['dirty', 'uptodate'];

/**
 * Decodes a `memfd_luo_ser`: v1 (pos, size, nr_folios, folios), v2 (u32
 * seals and u32 flags after size), or the feature-bit layout (a 128-byte
 * feature header, then the v2 fields), and the folio records its vmalloc
 * area holds: each record's pfn, flags by name and file index. Folio pages
 * are claimed as preserved.
 */
export async function decodeMemfd(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  const layout = LAYOUTS[fragment.format];
  const reader = openRawStruct(ctx, fragment, `${fragment.format} data`, layout.size);
  if (!reader) return;
  const features: FeatureHeader | null =
    layout.header > 0 ? readFeatureHeader(ctx, fragment.id, reader, 'memfd_luo_ser', MEMFD_FEATURES) : null;
  const body = layout.header > 0 ? reader.nested(layout.header, '') : reader;
  const pos = body.u64('pos', 0);
  const size = body.u64('size', 8);
  const seals = layout.version === 2 ? body.u32('seals', 16) : null;
  const flags = layout.version === 2 ? body.u32('flags', 20) : null;
  const base = layout.version === 2 ? 24 : 16;
  const nrFolios = body.u64('nr_folios', base);
  const descriptor = readDescriptor(body, base + 8);
  if (flags !== null && flags !== 0) {
    ctx.diagnostics.warning('reserved-bits', `memfd flags ${hex(flags)} has bits set that memfd leaves unused`, {
      fragment: fragment.id,
      property: 'flags',
      offset: layout.header + 20,
    });
  }
  fragment.user = {
    user: 'memfd',
    handler: fragment.compatible ?? fragment.format,
    version: layout.version,
    features,
    pos,
    size,
    seals,
    flags,
    nrFolios,
    vmallocArea: null,
    folios: [],
  };
  const records = await readFolioRecords(ctx, fragment, nrFolios, descriptor, 'memfd', MEMFD_FOLIO_FLAGS);
  fragment.user.vmallocArea = records.vmallocArea;
  fragment.user.folios = records.folios;
}

/** The `struct kho_vmalloc` at `offset`, recorded as `folios.*` fields. */
export function readDescriptor(reader: RawStructReader, offset: number): VmallocDescriptor {
  const folios = reader.nested(offset, 'folios');
  return {
    first: folios.u64('first', 0),
    totalPages: folios.u32('total_pages', 8),
    flags: folios.u16('flags', 12),
    order: folios.u16('order', 14),
  };
}
