import { readU64 } from '../../../bytes/readers';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { Fragment } from '../../model/Fragment';
import type { LuoFlb } from '../../model/UserContent';
import { readEntryArray } from '../../raw/readBlockSet';
import { followHandlerData } from './followHandlerData';
import { FLB_ENTRY, FLB_HEADER_SIZE, parseFlbEntry } from './luoEntries';

/**
 * Reads the FLB store: a `luo_flb_header_ser` {pgcnt, count} followed by
 * `count` `luo_flb_ser` entries, all inside `pgcnt` pages. `node`/`property`
 * name the field that points here (`flbs_pa`, or `/luo-flb` `luo-flb-header`).
 * Each FLB's `data` is followed by its handler (followHandlerData).
 */
export async function readLuoFlbs(
  ctx: DecodeContext,
  fragment: Fragment,
  node: string,
  property: string,
  address: number,
): Promise<LuoFlb[]> {
  const location = { fragment: fragment.id, node, property };
  const header = await ctx.read(address, FLB_HEADER_SIZE, 'luo_flb_header_ser', location);
  if (!header) return [];
  const pageCount = readU64(header, 0, 'le');
  const count = readU64(header, 8, 'le');
  const capacity = (pageCount * BigInt(ctx.pageSize) - BigInt(FLB_HEADER_SIZE)) / BigInt(FLB_ENTRY.size);
  if (pageCount === 0n || count > capacity) {
    ctx.diagnostics.error(
      'bad-count',
      `FLB header says ${count} entries in ${pageCount} pages; those pages hold at most ${capacity < 0n ? 0n : capacity}`,
      { ...location, address },
    );
    return [];
  }
  const span = Number(pageCount) * ctx.pageSize;
  const entries = await readEntryArray(
    ctx,
    { fragment: fragment.id, node, property },
    fragment.root,
    address,
    FLB_HEADER_SIZE,
    count,
    FLB_ENTRY,
    span,
  );
  return (entries ?? []).map((bytes, i): LuoFlb => {
    const entry = parseFlbEntry(bytes);
    const from = { fragment: fragment.id, node, property: `flbs[${i}].data` };
    return { ...entry, dataLink: followHandlerData(ctx, fragment, from, 'flb', entry.name, entry.data) };
  });
}
