import { hex } from '../../bytes/readers';
import type { DecodeContext, PreservedClaim } from '../decode/DecodeContext';
import { blockHolding } from '../maps/mapBlocks';
import { splitIntoBlocks } from '../maps/splitIntoBlocks';
import type { DiagnosticLocation } from '../model/Diagnostic';
import { locationExtents } from '../model/FragmentLocation';
import type { KhoRoot } from '../model/KhoGraph';
import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import { unpreservedPages } from './unpreservedPages';

/** Most unpreserved pages named in one diagnostic. */
const PAGES_NAMED = 8;

/**
 * Mainline KHO preserves every page a blob occupies (the caller marks them;
 * kho-format.md §1.3) and the root page itself. For each root with a map,
 * checks every page of its fragments, and every claim a decoder made
 * (vmalloc and block pages, reserve-mem ranges, folios), against the map:
 * a page the next kernel would not keep is a `not-preserved` warning.
 */
export function checkPreservation(ctx: DecodeContext, roots: readonly KhoRoot[]): void {
  for (const root of roots) {
    const map = root.map;
    if (!root.fragment || !map || map.status === 'no-map-yet') continue;
    const partial = map.status === 'partial' ? ' (the map was only partly read)' : '';
    for (const fragment of ctx.fragments.values()) {
      if (fragment.root !== root.fragment) continue;
      const missing = unpreservedPages(ctx.pageSize, locationExtents(fragment.location), map.ranges, PAGES_NAMED);
      report(ctx, missing, `fragment ${fragment.id}`, partial, { fragment: fragment.id });
    }
    for (const claim of ctx.preservedClaims) {
      if (claim.root !== root.fragment) continue;
      const missing = unpreservedPages(ctx.pageSize, [{ start: claim.start, end: claim.end }], map.ranges, PAGES_NAMED);
      report(ctx, missing, claim.what, partial, claim.location);
      // An empty map (consumed, or never readable) says nothing about entries; not-preserved covers it.
      if (map.status === 'complete' && map.blockCount > 0) checkEntries(ctx, claim, map);
    }
  }
}

/**
 * The next kernel restores preserved memory entry by entry: a folio from an
 * entry of exactly its head and order, a `kho_preserve_pages` range from
 * exactly the blocks that call wrote. A claim whose entries are not there
 * (fused into a larger block, split, moved) is an error even when every byte
 * is preserved: the memory survives, but its owner cannot take it back.
 */
function checkEntries(ctx: DecodeContext, claim: PreservedClaim, map: PreservedMemoryMap): void {
  const entries = claim.entries;
  if (!entries) return;
  const ps = ctx.pageSize;
  const found = blockHolding(map, claim.start);
  let wanted: string | null = null;
  if (entries.kind === 'folio' && !(found?.address === claim.start && found.order === entries.order)) {
    wanted = `an entry of order ${entries.order} at ${hex(claim.start)}`;
  } else if (entries.kind === 'head' && found?.address !== claim.start) {
    wanted = `an entry starting at ${hex(claim.start)}`;
  } else if (entries.kind === 'pages') {
    const start = claim.start - (claim.start % ps);
    const end = Math.ceil(claim.end / ps) * ps;
    const blocks = Number.isSafeInteger(end) ? splitIntoBlocks(start, end, ps) : [];
    const missing = blocks.filter((block) => {
      const entry = blockHolding(map, block.address);
      return entry?.address !== block.address || entry.order !== block.order;
    });
    if (missing.length > 0)
      wanted = `the entries kho_preserve_pages writes for [${hex(start)}, ${hex(end)}) (${blocks
        .slice(0, PAGES_NAMED)
        .map((block) => `order ${block.order} at ${hex(block.address)}`)
        .join(', ')}${blocks.length > PAGES_NAMED ? ', …' : ''})`;
  }
  if (wanted === null) return;
  const has = found ? `order ${found.order} at ${hex(found.address)}` : 'no entry';
  ctx.diagnostics.error(
    'wrong-map-entry',
    `${claim.what}: the next kernel needs ${wanted}, but the map holds ${has} there${entries.consequence ? `: ${entries.consequence}` : ''}`,
    claim.location,
  );
}

function report(
  ctx: DecodeContext,
  missing: { pages: number[]; count: number },
  what: string,
  partial: string,
  location: DiagnosticLocation,
): void {
  if (missing.count === 0) return;
  const named = missing.pages.map(hex).join(', ') + (missing.count > missing.pages.length ? ', …' : '');
  ctx.diagnostics.warning(
    'not-preserved',
    `${what}: ${missing.count} page${missing.count === 1 ? ' is' : 's are'} not marked preserved in the map (${named}), so the next kernel may reuse ${missing.count === 1 ? 'it' : 'them'}${partial}`,
    { ...location, address: missing.pages[0] },
  );
}
