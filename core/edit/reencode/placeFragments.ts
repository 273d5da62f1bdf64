import { hex } from '../../bytes/readers';
import type { PreservedBlock } from '../../kho/maps/PreservedBlock';
import { locationExtents, type FragmentLocation } from '../../kho/model/FragmentLocation';
import type { PhysRange } from '../../mem/PhysicalMemory';
import { EditError } from '../EditError';
import type { FragmentFate } from './EditPlan';
import type { FreePageAllocator } from './FreePageAllocator';
import type { PlanContext } from './PlanContext';
import { overlaps } from './rangeMath';
import type { FragmentSizes } from './sizeFragments';
import type { StructureExtent } from './structureExtents';

/** Where one reachable fragment goes. */
export interface Placement {
  location: FragmentLocation;
  fate: FragmentFate;
  /** The folio allocated for a new or moved contiguous fragment: the one map entry the kernel would write for it. */
  folio?: PreservedBlock;
}

/** Memory given back, and the fragment it belonged to (whose root's map preserved it). */
export interface ReleasedRange extends PhysRange {
  owner: string;
}

/** The layout of the edited tree in memory. */
export interface Placements {
  placed: Map<string, Placement>;
  /** Byte ranges given back: old places of moved fragments, pages a page list no longer needs, everything an unreachable fragment owned. */
  released: ReleasedRange[];
  /** Bytes of in-place fragments that shrank, to be zeroed (their pages stay in use). */
  shrunkTails: PhysRange[];
  /** Fragments of the input the edited tree no longer reaches. */
  dropped: string[];
}

/**
 * Decides where every reachable fragment goes. Unchanged fragments stay.
 * A rewritten fragment on a page list keeps its pages, takes more pages
 * from the allocator when it grew, and gives back the ones it no longer
 * needs. A rewritten contiguous fragment stays where it is when it fits
 * (up to the end of its last page, if that tail is zero and used by
 * nothing else), and otherwise moves to a newly allocated folio; a root can
 * never move, since its address is what the next kernel is given.
 */
export async function placeFragments(
  ctx: PlanContext,
  sizes: FragmentSizes,
  allocator: FreePageAllocator,
  extents: readonly StructureExtent[],
): Promise<Placements> {
  const ps = ctx.pageSize;
  const placed = new Map<string, Placement>();
  const released: ReleasedRange[] = [];
  const shrunkTails: PhysRange[] = [];
  for (const id of ctx.reachable) {
    const fragment = ctx.state.fragments[id];
    const original = fragment.original;
    if (!sizes.rewritten.has(id)) {
      if (!original) throw new EditError(`fragment ${id}`, 'a new fragment must be written');
      placed.set(id, { location: original, fate: 'unchanged' });
      continue;
    }
    const size = sizes.sizes.get(id)!;
    const count = sizes.pageCounts.get(id);
    if (count !== undefined) {
      const before = original?.kind === 'pages' ? original.pages : [];
      const pages = before.slice(0, count);
      while (pages.length < count) pages.push(await allocator.takePage());
      for (const page of before.slice(count)) released.push({ start: page, end: page + ps, owner: id });
      const fate: FragmentFate = !original ? 'new' : pages.length > before.length ? 'grown' : 'rewritten-in-place';
      placed.set(id, { location: { kind: 'pages', pages, pageSize: ps, length: size }, fate });
      continue;
    }
    if (ctx.incomingKinds(id).size > 1)
      throw new EditError(
        `fragment ${id}`,
        'it is linked both by a page list and by an address, so it has no one layout to move it to',
      );
    if (original?.kind === 'contiguous') {
      const capacity = await inPlaceCapacity(ctx, id, original, extents);
      if (size <= capacity) {
        if (size < original.length)
          shrunkTails.push({ start: original.address + size, end: original.address + original.length });
        placed.set(id, {
          location: { kind: 'contiguous', address: original.address, length: size },
          fate: 'rewritten-in-place',
        });
        continue;
      }
      if (ctx.isRoot(id)) {
        throw new EditError(
          `root ${id}`,
          `the root FDT would be ${size} bytes but only ${capacity} fit at ${hex(original.address)}: the next kernel is given this address and reads one page there`,
        );
      }
      released.push(...locationExtents(original).map((extent) => ({ ...extent, owner: id })));
    }
    const folio = await allocator.takeFolio(Math.max(1, Math.ceil(size / ps)));
    placed.set(id, {
      location: { kind: 'contiguous', address: folio.address, length: size },
      fate: original ? 'moved' : 'new',
      folio,
    });
  }
  const reached = new Set(ctx.reachable);
  const dropped = ctx.graph.fragments.filter((fragment) => !reached.has(fragment.id)).map((fragment) => fragment.id);
  for (const id of dropped)
    for (const extent of extents)
      if (extent.owner === id) released.push({ start: extent.start, end: extent.end, owner: id });
  return { placed, released, shrunkTails, dropped };
}

/**
 * Bytes a contiguous fragment may grow to in place: to the end of its last
 * page, when nothing else decoded uses the bytes after it and either they
 * are zero or the page is the fragment's own: it starts at a page boundary
 * and is a root (the kernel gives the root a page of its own and hands that
 * page over) or its root's map preserves that page (the kernel allocates
 * blobs in whole pages; what follows an FDT there is libfdt's leftover
 * scratch). Otherwise only its current size.
 */
async function inPlaceCapacity(
  ctx: PlanContext,
  id: string,
  location: { address: number; length: number },
  extents: readonly StructureExtent[],
): Promise<number> {
  const ps = ctx.pageSize;
  const end = location.address + location.length;
  const pageEnd = Math.ceil(end / ps) * ps;
  const tail = { start: end, end: pageEnd };
  const others = extents.filter(
    (extent) => extent.owner !== id || (extent.what !== `fragment ${id}` && extent.what !== 'root page'),
  );
  if (pageEnd === end || others.some((extent) => overlaps(extent, tail))) return location.length;
  const whole = pageEnd - location.address;
  if (location.address % ps === 0) {
    if (ctx.isRoot(id)) return whole;
    const map = ctx.inputRoot(ctx.state.fragments[id].root)?.map;
    if (map && map.status === 'complete' && map.isPreserved(pageEnd - ps)) return whole;
  }
  const bytes = await ctx.memory.read(end, pageEnd - end);
  return bytes.every((byte) => byte === 0) ? whole : location.length;
}
