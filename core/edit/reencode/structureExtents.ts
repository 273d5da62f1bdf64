import { locationExtents } from '../../kho/model/FragmentLocation';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import type { PhysRange } from '../../mem/PhysicalMemory';

/** Memory one decoded structure occupies, and the fragment it belongs to (null for a root's map). */
export interface StructureExtent extends PhysRange {
  /** The fragment that owns it: itself for a fragment, the owner of a side structure, the root of an anchor chain. */
  owner: string | null;
  what: string;
}

/**
 * Every piece of memory the decoded graph says is in use: fragments (whole
 * pages for page lists), root pages, anchor pages, map metadata pages,
 * vmalloc chunks and pieces, block-set blocks. The allocator never hands
 * these out, and releasing a fragment releases what it owns.
 */
export function structureExtents(graph: KhoGraph): StructureExtent[] {
  const ps = graph.source.pageSize;
  const extents: StructureExtent[] = [];
  for (const fragment of graph.fragments) {
    for (const extent of locationExtents(fragment.location))
      extents.push({ ...extent, owner: fragment.id, what: `fragment ${fragment.id}` });
  }
  for (const root of graph.roots) {
    if (root.address !== null)
      extents.push({ start: root.address, end: root.address + ps, owner: root.fragment, what: 'root page' });
    for (const page of root.anchorChain?.anchorPages ?? [])
      extents.push({ start: page, end: page + ps, owner: root.fragment, what: 'anchor page' });
    for (const page of root.map?.metadataPages ?? [])
      extents.push({ start: page, end: page + ps, owner: null, what: 'map metadata page' });
  }
  for (const area of graph.vmallocAreas) {
    for (const chunk of area.chunks)
      extents.push({ start: chunk, end: chunk + ps, owner: area.owner.fragment, what: 'vmalloc chunk' });
    for (const piece of area.pieces)
      extents.push({
        start: piece,
        end: piece + ps * 2 ** area.order,
        owner: area.owner.fragment,
        what: 'vmalloc data',
      });
  }
  for (const set of graph.blockSets) {
    for (const block of set.blocks)
      extents.push({
        start: block.address,
        end: block.address + block.bytes,
        owner: set.owner.fragment,
        what: `${set.entry} block`,
      });
  }
  return extents;
}
