import { hex } from '../../bytes/readers';
import type { EncodedMap, PageAllocator } from '../../kho/maps/EncodedMap';
import { encodeChunkList } from '../../kho/maps/encodeChunkList';
import { encodeRadixTree } from '../../kho/maps/encodeRadixTree';
import type { PreservedMemoryMap } from '../../kho/maps/PreservedMemoryMap';
import { radixGeometry } from '../../kho/maps/radixGeometry';
import { splitIntoBlocks } from '../../kho/maps/splitIntoBlocks';
import { locationExtents } from '../../kho/model/FragmentLocation';
import type { PhysRange } from '../../mem/PhysicalMemory';
import { EditError } from '../EditError';
import type { PlannedMap } from './EditPlan';
import type { FreePageAllocator } from './FreePageAllocator';
import type { PageWriter } from './PageWriter';
import type { Placements } from './placeFragments';
import type { PlanContext } from './PlanContext';
import { mergeRanges, overlaps, pagesTouched, subtractRanges } from './rangeMath';
import type { StructureExtent } from './structureExtents';

/** A map rewritten for a root: the plan record and the value its root's `preserved-memory-map` must get. */
export interface MapUpdate {
  plan: PlannedMap;
  /** The preserved ranges the new map must decode to (checked after writing). */
  ranges: PhysRange[];
}

/**
 * Brings every mainline root's preserved-memory map in line with the edit,
 * as the kernel would have it: pages the edit newly uses for fragments under
 * the root are marked, pages it gave back (and nothing live still touches)
 * are cleared. A map that does not change is left byte for byte. A changed
 * map is encoded again in the root's own encoding (chunk list with the same
 * bitmap size, or radix tree with the same depth), reusing the old map's
 * pages first (its head first, so the pointer usually stays) and taking new
 * ones from the allocator; old map pages left over are zeroed. A map that
 * was not read completely is never rewritten.
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
    const marked = new Set<number>();
    for (const [id, placement] of placements.placed) {
      if (!under(id) || placement.fate === 'unchanged') continue;
      const before = new Set(
        ctx.state.fragments[id].original
          ? locationExtents(ctx.state.fragments[id].original!).flatMap((e) => pagesTouched(e, ps))
          : [],
      );
      for (const extent of locationExtents(placement.location))
        for (const page of pagesTouched(extent, ps)) if (!before.has(page) && !map.isPreserved(page)) marked.add(page);
    }
    const unmarked = new Set<number>();
    for (const range of placements.released) {
      if (!under(range.owner)) continue;
      for (const page of pagesTouched(range, ps)) {
        const whole = { start: page, end: page + ps };
        if (map.isPreserved(page) && !marked.has(page) && !live.some((extent) => overlaps(extent, whole)))
          unmarked.add(page);
      }
    }
    if (marked.size === 0 && unmarked.size === 0) continue;
    if (map.status !== 'complete')
      throw new EditError(
        `map of root ${root.fragment}`,
        'the preserved-memory map was not read completely, so khoscope will not rewrite it',
      );
    const ranges = mergeRanges([
      ...subtractRanges(
        map.ranges.toArray(),
        [...unmarked].map((page) => ({ start: page, end: page + ps })),
      ),
      ...[...marked].map((page) => ({ start: page, end: page + ps })),
    ]);
    const encoded = await encodeLike(map, ranges, allocator);
    for (const [page, bytes] of encoded.pages) await writer.write(page, bytes);
    for (const page of map.metadataPages) if (!encoded.pages.has(page)) await writer.zero(page, page + ps);
    updates.push({
      plan: {
        root: root.fragment,
        encoding: map.encoding,
        before: map.address,
        after: encoded.root,
        marked: [...marked].sort((a, b) => a - b),
        unmarked: [...unmarked].sort((a, b) => a - b),
        metadataPages: [...encoded.pages.keys()].sort((a, b) => a - b),
      },
      ranges,
    });
  }
  return updates;
}

/**
 * Encodes `ranges` the way `map` was encoded. The encoders want a
 * synchronous page source, so the pages are counted first with stand-in
 * addresses (how many a map needs does not depend on where its pages are),
 * then handed out: the old map's pages first, then fresh ones.
 */
async function encodeLike(
  map: PreservedMemoryMap,
  ranges: PhysRange[],
  allocator: FreePageAllocator,
): Promise<EncodedMap> {
  const ps = map.pageSize;
  const blocks = ranges.flatMap((range) => splitIntoBlocks(range.start, range.end, ps));
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
