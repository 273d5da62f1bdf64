import { type KhoGraph, locationExtents } from '../../../core/kho';
import type { PhysRange } from '../../../core/mem';
import type { Selection } from '../../model/Selection';

/** Where a selection is in physical memory: the fragment to outline (if any) and the ranges to mark. */
export interface SelectionPlace {
  fragment: string | null;
  ranges: PhysRange[];
}

/**
 * The physical memory of a selection: a fragment's extents (also for its
 * nodes and properties), a link's target (or the pages it points at when
 * not read), a diagnostic's fragment or page, a memory range. Null when the
 * selection has no physical place (a debugfs file, a diagnostic about the
 * whole image).
 */
export function selectionPlace(selection: Selection | null, graph: KhoGraph): SelectionPlace | null {
  if (selection === null) return null;
  const ofFragment = (id: string | null | undefined): SelectionPlace | null => {
    const fragment = id ? graph.fragments.find((candidate) => candidate.id === id) : undefined;
    if (!fragment) return null;
    const ranges = locationExtents(fragment.location);
    return ranges.length > 0 ? { fragment: fragment.id, ranges } : null;
  };
  const page = (address: number) => address - (address % graph.source.pageSize);
  switch (selection.kind) {
    case 'fragment':
    case 'node':
    case 'property':
      return ofFragment(selection.fragment);
    case 'link': {
      const link = graph.links.find((candidate) => candidate.id === selection.link);
      if (!link) return null;
      const target = ofFragment(link.to);
      if (target) return target;
      return link.addresses.length > 0
        ? {
            fragment: null,
            ranges: link.addresses.map((address) => ({
              start: page(address),
              end: page(address) + graph.source.pageSize,
            })),
          }
        : null;
    }
    case 'diagnostic': {
      const location = graph.diagnostics[selection.index]?.location;
      if (location?.address !== undefined)
        return {
          fragment: location.fragment ?? null,
          ranges: [{ start: page(location.address), end: page(location.address) + graph.source.pageSize }],
        };
      return ofFragment(location?.fragment);
    }
    case 'memory':
      return {
        fragment: null,
        ranges: [{ start: selection.address, end: selection.address + Math.max(1, selection.length) }],
      };
  }
}
