import { hex } from '../../bytes/readers';
import type { EncodedMap, PageAllocator } from '../../kho/maps/EncodedMap';
import { encodeChunkList } from '../../kho/maps/encodeChunkList';
import { encodeRadixTree } from '../../kho/maps/encodeRadixTree';
import { blockHolding, blockKey, MAX_LISTED_BLOCKS, mapBlocks } from '../../kho/maps/mapBlocks';
import type { PreservedBlock } from '../../kho/maps/PreservedBlock';
import type { PreservedMemoryMap } from '../../kho/maps/PreservedMemoryMap';
import { radixGeometry } from '../../kho/maps/radixGeometry';
import { locationExtents } from '../../kho/model/FragmentLocation';
import type { PhysRange } from '../../mem/PhysicalMemory';
import { EditError } from '../EditError';
import type { PlannedMap } from './EditPlan';
import type { FreePageAllocator } from './FreePageAllocator';
import type { PageWriter } from './PageWriter';
import type { Placements } from './placeFragments';
import type { PlanContext } from './PlanContext';
import { overlaps, pagesTouched } from './rangeMath';
import type { StructureExtent } from './structureExtents';

/** A map rewritten for a root: the plan record and the entries its new map must decode to. */
export interface MapUpdate {
  plan: PlannedMap;
  /** Every entry the new map holds (checked after writing). */
  blocks: PreservedBlock[];
}

/**
 * Brings every mainline root's preserved-memory map in line with the edit,
 * entry by entry, as the kernel would have it. The next kernel restores each
 * folio from its own (order, pfn) entry, so every entry of the input map is
 * kept exactly as it was, except the entries of blocks the edit gave back
 * (a released fragment's folio, a page a page list no longer needs) that
 * nothing live still touches. Memory the edit newly uses gets the entries
 * the kernel's allocation would have written: a new or moved blob is one
 * folio, so one entry of order ceil(log2 pages) (`kho_alloc_preserve`);
 * a page added to a page list is one order-0 entry. A map that does not
 * change is left byte for byte. A changed map is encoded again in the
 * root's own encoding (chunk list with the same bitmap size, or radix tree
 * with the same depth), reusing the old map's pages first (its head first,
 * so the pointer usually stays) and taking new ones from the allocator; old
 * map pages left over are zeroed. A map that was not read completely is
 * never rewritten.
 */
export async function updatePreservedMaps(
  ctx: PlanContext,
  placements: Placements,
  allocator: FreePageAllocator,
  extents: readonly StructureExtent[],
  writer: PageWriter,
): Promise<MapUpdate[]> {
  const ps = ctx.pageSize;
  const updates: MapUpdate[] = [];
  const live = liveExtents(ctx, placements, extents);
  for (const root of ctx.state.roots) {
    const map = ctx.inputRoot(root.fragment)?.map;
    if (!root.mainline || !map || map.status === 'no-map-yet') continue;
    const under = (id: string) => (ctx.state.fragments[id]?.root ?? ctx.inputFragments.get(id)?.root) === root.fragment;
    const added = addedBlocks(ctx, placements, map, under);
    const removed = removedBlocks(placements, map, live, under);
    if (added.length === 0 && removed.length === 0) continue;
    if (map.status !== 'complete')
      throw new EditError(
        `map of root ${root.fragment}`,
        'the preserved-memory map was not read completely, so khoscope will not rewrite it',
      );
    if (map.blockCount > MAX_LISTED_BLOCKS)
      throw new EditError(
        `map of root ${root.fragment}`,
        `the preserved-memory map has ${map.blockCount} entries, more than the ${MAX_LISTED_BLOCKS} khoscope rewrites`,
      );
    const gone = new Set(removed.map(blockKey));
    const blocks = [...mapBlocks(map).filter((block) => !gone.has(blockKey(block))), ...added];
    const encoded = await encodeLike(map, blocks, allocator);
    for (const [page, bytes] of encoded.pages) await writer.write(page, bytes);
    for (const page of map.metadataPages) if (!encoded.pages.has(page)) await writer.zero(page, page + ps);
    updates.push({
      plan: {
        root: root.fragment,
        encoding: map.encoding,
        before: map.address,
        after: encoded.root,
        added: sortBlocks(added),
        removed: sortBlocks(removed),
        metadataPages: [...encoded.pages.keys()].sort((a, b) => a - b),
      },
      blocks,
    });
  }
  return updates;
}

/**
 * Entries for memory the edit newly uses under a root: the folio of each
 * new or moved contiguous fragment, and an order-0 entry for every other
 * page a rewritten fragment now uses that the map does not preserve (the
 * pages a page list grew by, each allocated on its own).
 */
function addedBlocks(
  ctx: PlanContext,
  placements: Placements,
  map: PreservedMemoryMap,
  under: (id: string) => boolean,
): PreservedBlock[] {
  const ps = ctx.pageSize;
  const added: PreservedBlock[] = [];
  const covered = new Set<number>();
  for (const [id, placement] of placements.placed) {
    if (!under(id) || placement.fate === 'unchanged') continue;
    if (placement.folio) {
      if (!map.isPreserved(placement.folio.address)) added.push(placement.folio);
      continue;
    }
    const original = ctx.state.fragments[id].original;
    const before = new Set(original ? locationExtents(original).flatMap((e) => pagesTouched(e, ps)) : []);
    for (const extent of locationExtents(placement.location))
      for (const page of pagesTouched(extent, ps)) {
        if (before.has(page) || covered.has(page) || map.isPreserved(page)) continue;
        covered.add(page);
        added.push({ address: page, order: 0 });
      }
  }
  return added;
}

/**
 * Entries of blocks the edit gave back under a root: every block that holds
 * released memory and shares no byte with anything still live. A block
 * partly given back but still used (a fragment that shrank) keeps its entry.
 */
function removedBlocks(
  placements: Placements,
  map: PreservedMemoryMap,
  live: readonly PhysRange[],
  under: (id: string) => boolean,
): PreservedBlock[] {
  const ps = map.pageSize;
  const removed = new Map<string, PreservedBlock>();
  const kept = new Set<string>();
  for (const range of placements.released) {
    if (!under(range.owner)) continue;
    for (const page of pagesTouched(range, ps)) {
      const block = blockHolding(map, page);
      if (!block) continue;
      const key = blockKey(block);
      if (removed.has(key) || kept.has(key)) continue;
      const whole = { start: block.address, end: block.address + ps * 2 ** block.order };
      if (live.some((extent) => overlaps(extent, whole))) kept.add(key);
      else removed.set(key, block);
    }
  }
  return [...removed.values()];
}

function sortBlocks(blocks: PreservedBlock[]): PreservedBlock[] {
  return [...blocks].sort((a, b) => a.address - b.address || a.order - b.order);
}

/**
 * Encodes `blocks` the way `map` was encoded. The encoders want a
 * synchronous page source, so the pages are counted first with stand-in
 * addresses (how many a map needs does not depend on where its pages are),
 * then handed out: the old map's pages first, then fresh ones.
 */
async function encodeLike(
  map: PreservedMemoryMap,
  blocks: readonly PreservedBlock[],
  allocator: FreePageAllocator,
): Promise<EncodedMap> {
  const ps = map.pageSize;
  const encode = (allocate: PageAllocator) => {
    if (map.details.encoding === 'chunk-list') return encodeChunkList(blocks, ps, map.details.bitmapBytes, allocate);
    const formula = radixGeometry(ps, 'fixed').depth === map.details.depth ? 'fixed' : 'original';
    return encodeRadixTree(blocks, ps, allocate, formula);
  };
  let counted = 0;
  encode(() => 2 ** 52 + ps * counted++);
  const pool = [map.address, ...map.metadataPages.filter((page) => page !== map.address)]
    .filter((page) => page !== 0)
    .slice(0, counted);
  while (pool.length < counted) pool.push(await allocator.takePage());
  let next = 0;
  const encoded = encode(() => {
    if (next >= pool.length)
      throw new EditError(`map at ${hex(map.address)}`, 'the encoder asked for more pages than it counted');
    return pool[next++];
  });
  return encoded;
}

/** Memory still in use after the edit: final places of reachable fragments, and input structures of reachable owners. */
function liveExtents(ctx: PlanContext, placements: Placements, extents: readonly StructureExtent[]): PhysRange[] {
  const reachable = new Set(ctx.reachable);
  const live: PhysRange[] = [];
  for (const placement of placements.placed.values()) live.push(...locationExtents(placement.location));
  for (const extent of extents) {
    if (extent.owner !== null && reachable.has(extent.owner) && !extent.what.startsWith('fragment ')) live.push(extent);
  }
  return live;
}
