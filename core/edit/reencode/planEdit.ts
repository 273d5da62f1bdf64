import { hex } from '../../bytes/readers';
import { decodePreservedMemoryMap } from '../../kho/maps/decodePreservedMemoryMap';
import { blockKey, mapBlocks } from '../../kho/maps/mapBlocks';
import { locationExtents } from '../../kho/model/FragmentLocation';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import type { ImageMemory } from '../../mem/ImageMemory';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { EditError } from '../EditError';
import type { EditState } from '../EditState';
import type { EditPlan, PlannedFragment } from './EditPlan';
import { finalFragmentBytes } from './finalFragmentBytes';
import { firstAddress, pagesOf } from './locationPages';
import { FreePageAllocator, type AllocatorOptions } from './FreePageAllocator';
import { OverlayMemory } from './OverlayMemory';
import { PageWriter } from './PageWriter';
import { placeFragments } from './placeFragments';
import { PlanContext } from './PlanContext';
import { PagesInRanges } from './PagesInRanges';
import { mergeRanges, subtractRanges } from '../../mem/physRanges';
import { rewriteAnchorChains } from './rewriteAnchorChains';
import { sizeFragments } from './sizeFragments';
import { structureExtents } from './structureExtents';
import { updatePreservedMaps, type MapUpdate } from './updatePreservedMaps';

/** Options of `planEdit`. */
export type PlanEditOptions = AllocatorOptions;

/**
 * Works out what an edited state changes in the image's physical memory
 * (docs/editing.md, "Writing the edit back"): which fragments are rewritten
 * and where they go, which pages are taken from the allocator and given
 * back, how each map and anchor chain changes, and the resulting changed
 * pages. `graph` must be the decode of `memory` that `state` started from.
 * Throws `EditError` when the edit cannot be written (a root that would
 * outgrow its page, no free pages left, a map that cannot be rewritten).
 */
export async function planEdit(
  memory: PhysicalMemory & Partial<ImageMemory>,
  graph: KhoGraph,
  state: EditState,
  options: PlanEditOptions = {},
): Promise<EditPlan> {
  const ctx = new PlanContext(memory, graph, state);
  const ps = ctx.pageSize;
  const extents = structureExtents(graph);
  const occupied = new PagesInRanges(extents, ps);
  const maps = graph.roots.flatMap((root) => (root.map ? [root.map] : []));
  const allocator = new FreePageAllocator(
    memory,
    ps,
    occupied,
    (page) => maps.some((map) => map.isPreserved(page)),
    options,
  );

  const sizes = sizeFragments(ctx);
  const placements = await placeFragments(ctx, sizes, allocator, extents);
  const writer = new PageWriter(memory, ps);
  const live = [...placements.placed.values()].flatMap((placement) => locationExtents(placement.location));
  const released = subtractRanges(placements.released, live);
  for (const range of released) await writer.zero(range.start, range.end);
  for (const tail of placements.shrunkTails) await writer.zero(tail.start, tail.end);
  await rewriteAnchorChains(ctx, placements, allocator, writer);
  const mapUpdates = await updatePreservedMaps(ctx, placements, allocator, extents, writer);
  const mapHeads = new Map(
    mapUpdates
      .filter((update) => update.plan.after !== update.plan.before)
      .map((update) => [update.plan.root, update.plan.after]),
  );

  const fragments: PlannedFragment[] = [];
  for (const id of ctx.reachable) {
    const placement = placements.placed.get(id)!;
    const { bytes, fate } = finalFragmentBytes(ctx, id, sizes, placements, mapHeads);
    if (fate !== 'unchanged') await writeFragment(writer, placement.location, bytes, ps);
    fragments.push({ id, decodedId: hex(firstAddress(placement.location)), location: placement.location, bytes, fate });
  }
  const pages = writer.changedPages();
  await checkMaps(memory, pages, graph, mapUpdates);
  return {
    pageSize: ps,
    pages,
    fragments,
    dropped: placements.dropped,
    allocated: allocator.taken,
    released: mergeRanges(released),
    maps: mapUpdates.map((update) => update.plan),
  };
}

/** Writes a fragment's bytes at its place; the unused rest of a page list's last page is zeroed. */
async function writeFragment(
  writer: PageWriter,
  location: PlannedFragment['location'],
  bytes: Uint8Array,
  ps: number,
): Promise<void> {
  if (location.kind === 'contiguous') {
    await writer.write(location.address, bytes);
    return;
  }
  for (const [i, page] of pagesOf(location, ps).entries()) {
    const part = bytes.subarray(i * ps, (i + 1) * ps);
    await writer.write(page, part);
    await writer.zero(page + part.length, page + ps);
  }
}

/**
 * Decodes every rewritten map from the edited memory and compares its
 * entries, one by one, with what it should say: a map the next kernel would read differently (a
 * 512-byte-bitmap chunk list whose evidence for that size went away, say)
 * is refused rather than written.
 */
async function checkMaps(
  memory: PhysicalMemory,
  pages: Map<number, Uint8Array>,
  graph: KhoGraph,
  updates: MapUpdate[],
): Promise<void> {
  const edited = new OverlayMemory(memory, pages);
  for (const update of updates) {
    const map = graph.roots.find((root) => root.fragment === update.plan.root)!.map!;
    const decoded = await decodePreservedMemoryMap(edited, update.plan.after, map.encoding, { pageSize: map.pageSize });
    const got = mapBlocks(decoded).map(blockKey).sort();
    const want = update.blocks.map(blockKey).sort();
    const same = got.length === want.length && got.every((key, i) => key === want[i]);
    if (!same || decoded.problems.length > map.problems.length) {
      throw new EditError(
        `map of root ${update.plan.root}`,
        'the rewritten preserved-memory map would not read back as intended, so it is not written',
      );
    }
  }
}
