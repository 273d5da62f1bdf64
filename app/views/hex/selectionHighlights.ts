import { type DecodedNode, forEachNode, type Fragment, type KhoGraph } from '../../../core/kho';
import type { Selection } from '../../model/Selection';
import type { OwnerSpan } from './byteOwners';
import { physicalRangesOf } from './fragmentAddresses';
import type { HexRegion } from './HexRegion';
import { regionRangesOf } from './hexRows';

/** A run of region offsets to highlight: `strong` for the selected bytes themselves, `soft` for their context. */
export interface Highlight {
  start: number;
  end: number;
  strength: 'strong' | 'soft';
}

/** Fragment offsets to highlight, before they are placed in a region. */
type FragmentRuns = [start: number, end: number, strength: Highlight['strength']][];

/**
 * The bytes of `selection` inside `region`: a property's value (strong) and
 * its token and header (soft), a raw field, a node's name (strong) and the
 * rest of the node (soft), the owning property of a link, the byte a
 * diagnostic points at (and its property), the bytes of a memory range.
 * Fragment bytes are placed through the region's segments, so a property
 * of a page-list fragment is found in a memory region too. Empty when the
 * selection has no bytes in the region.
 */
export function selectionHighlights(
  selection: Selection | null,
  region: HexRegion,
  graph: KhoGraph,
  ownersOf: (fragment: Fragment) => readonly OwnerSpan[],
): Highlight[] {
  if (selection === null) return [];
  const fragmentById = (id: string | undefined) =>
    id === undefined ? undefined : graph.fragments.find((fragment) => fragment.id === id);
  const place = (fragment: Fragment | undefined, runs: FragmentRuns) =>
    fragment ? placeRuns(region, fragment, runs) : [];
  switch (selection.kind) {
    case 'fragment':
      return [];
    case 'node':
    case 'property': {
      const fragment = fragmentById(selection.fragment);
      return place(
        fragment,
        fragment
          ? runsOf(fragment, selection.node, selection.kind === 'property' ? selection.property : undefined, ownersOf)
          : [],
      );
    }
    case 'link': {
      const link = graph.links.find((candidate) => candidate.id === selection.link);
      const fragment = fragmentById(link?.from.fragment);
      return link && fragment ? place(fragment, runsOf(fragment, link.from.node, link.from.property, ownersOf)) : [];
    }
    case 'diagnostic': {
      const location = graph.diagnostics[selection.index]?.location;
      if (!location) return [];
      const fragment = fragmentById(location.fragment);
      if (fragment) {
        const runs =
          location.node !== undefined || location.property
            ? runsOf(fragment, location.node ?? '', location.property, ownersOf).map(
                ([start, end]): FragmentRuns[number] => [start, end, 'soft'],
              )
            : [];
        if (location.offset !== undefined) runs.push([location.offset, location.offset + 1, 'strong']);
        return place(fragment, runs);
      }
      return location.address === undefined
        ? []
        : regionRangesOf(region, location.address, location.address + 1).map(([start, end]) => ({
            start,
            end,
            strength: 'strong',
          }));
    }
    case 'memory':
      return regionRangesOf(region, selection.address, selection.address + Math.max(1, selection.length)).map(
        ([start, end]) => ({ start, end, strength: 'strong' }),
      );
  }
}

/** The strength of the highlight on region offset `offset`, if any (strong wins). */
export function highlightAt(highlights: readonly Highlight[], offset: number): Highlight['strength'] | null {
  let found: Highlight['strength'] | null = null;
  for (const highlight of highlights) {
    if (offset < highlight.start || offset >= highlight.end) continue;
    if (highlight.strength === 'strong') return 'strong';
    found = 'soft';
  }
  return found;
}

/** Fragment runs of a node (by path) or a property or raw field of it (`node` '' for raw fields). */
function runsOf(
  fragment: Fragment,
  node: string,
  property: string | undefined,
  ownersOf: (fragment: Fragment) => readonly OwnerSpan[],
): FragmentRuns {
  const content = fragment.content;
  if (content?.kind === 'raw') {
    const field = content.fields.find((candidate) => candidate.path === property);
    return field ? [[field.offset, field.offset + field.size, 'strong']] : [];
  }
  if (content?.kind !== 'fdt') return [];
  if (property !== undefined) {
    const owner = nodeByPath(content.root, node)?.properties.find((candidate) => candidate.name === property);
    if (!owner) return [];
    const valueEnd = owner.valueOffset + owner.raw.length;
    return owner.raw.length > 0
      ? [
          [owner.offset, owner.valueOffset, 'soft'],
          [owner.valueOffset, valueEnd, 'strong'],
        ]
      : [[owner.offset, owner.valueOffset, 'strong']];
  }
  const spans = ownersOf(fragment).filter((span) => span.selection.kind === 'node' && span.selection.node === node);
  if (spans.length === 0) return [];
  return [
    [spans[0].start, spans[spans.length - 1].end, 'soft'],
    [spans[0].start, spans[0].end, 'strong'],
  ];
}

function nodeByPath(root: DecodedNode, path: string): DecodedNode | undefined {
  let found: DecodedNode | undefined;
  forEachNode(root, (node) => {
    if (node.path === path) found ??= node;
  });
  return found;
}

/** Fragment runs as region offsets: directly in the fragment's own region, through physical addresses in any other. */
function placeRuns(region: HexRegion, fragment: Fragment, runs: FragmentRuns): Highlight[] {
  if (region.fragment === fragment.id) return runs.map(([start, end, strength]) => ({ start, end, strength }));
  return runs.flatMap(([start, end, strength]) =>
    physicalRangesOf(fragment, start, end).flatMap(([from, to]) =>
      regionRangesOf(region, from, to).map(([a, b]) => ({ start: a, end: b, strength })),
    ),
  );
}
