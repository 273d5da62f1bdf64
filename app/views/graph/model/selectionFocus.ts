import { type KhoGraph, locationExtents } from '../../../../core/kho';
import type { Selection } from '../../../model/Selection';
import { rowKey } from './diagnosticBadges';
import type { GraphScene } from './GraphScene';

/**
 * What a selection means on the graph: the card to bring into view and
 * mark, the row inside it (a node or raw field), the key property (a
 * property of the root node shown on the card), the edge (a link), and
 * other cards to mark as related (a link's target, the fragments whose
 * bytes a memory range touches).
 */
export interface SelectionFocus {
  card: string | null;
  row: string | null;
  property: string | null;
  edge: string | null;
  related: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The focus of `selection` on `scene`, or null when it has no place there. */
export function selectionFocus(selection: Selection | null, scene: GraphScene, graph: KhoGraph): SelectionFocus | null {
  if (selection === null) return null;
  switch (selection.kind) {
    case 'fragment':
      return placeFocus(scene, selection.fragment, undefined, undefined);
    case 'node':
      return placeFocus(scene, selection.fragment, selection.node, undefined);
    case 'property':
      return placeFocus(scene, selection.fragment, selection.node, selection.property);
    case 'diagnostic': {
      const location = graph.diagnostics[selection.index]?.location;
      return location?.fragment === undefined
        ? null
        : placeFocus(scene, location.fragment, location.node, location.property);
    }
    case 'link': {
      const edge = scene.edges.find((candidate) => candidate.id === selection.link);
      if (!edge) return null;
      return { card: edge.to, row: null, property: null, edge: edge.id, related: new Set([edge.from]) };
    }
    case 'memory': {
      const end = selection.address + Math.max(1, selection.length);
      const touched = graph.fragments
        .filter((fragment) =>
          locationExtents(fragment.location).some((extent) => extent.start < end && extent.end > selection.address),
        )
        .map((fragment) => fragment.id);
      if (touched.length === 0) return null;
      return { card: touched[0], row: null, property: null, edge: null, related: new Set(touched) };
    }
  }
}

function placeFocus(
  scene: GraphScene,
  fragment: string,
  node: string | undefined,
  property: string | undefined,
): SelectionFocus | null {
  if (!scene.byId.has(fragment)) return null;
  const isKeyProperty =
    node === '/' &&
    property !== undefined &&
    scene.byId.get(fragment)!.properties.some((line) => line.name === property);
  return {
    card: fragment,
    row: rowKey(node, property),
    property: isKeyProperty ? property! : null,
    edge: null,
    related: NONE,
  };
}
