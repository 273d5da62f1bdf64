import type { KhoGraph } from '../../core/kho';
import { graphIndexOf } from '../explore/GraphIndex';
import { selectionExists } from '../explore/selectionExists';
import type { Selection } from '../model/Selection';
import type { TourPlace } from './Tour';

/**
 * The selection a tour place names in this graph, or a plain reason why the
 * graph has no such place (the tour file and the demo disagree).
 */
export function resolveTourPlace(graph: KhoGraph, place: TourPlace): Selection | string {
  const selection = selectionOf(graph, place);
  if (typeof selection === 'string') return selection;
  return selectionExists(graphIndexOf(graph), selection) ? selection : `${placeText(place)} is not in this image`;
}

function selectionOf(graph: KhoGraph, place: TourPlace): Selection | string {
  if ('link' in place) return { kind: 'link', link: place.link };
  if ('memory' in place) return { kind: 'memory', address: Number(place.memory), length: place.length };
  if ('diagnostic' in place) {
    const index = graph.diagnostics.findIndex(
      (diagnostic) =>
        diagnostic.code === place.diagnostic &&
        (place.fragment === undefined || diagnostic.location.fragment === place.fragment),
    );
    return index < 0 ? `no diagnostic ${placeText(place)}` : { kind: 'diagnostic', index };
  }
  if (place.node === undefined) return { kind: 'fragment', fragment: place.fragment };
  if (place.property === undefined) return { kind: 'node', fragment: place.fragment, node: place.node };
  return { kind: 'property', fragment: place.fragment, node: place.node, property: place.property };
}

function placeText(place: TourPlace): string {
  if ('link' in place) return `link ${place.link}`;
  if ('memory' in place) return `memory ${place.memory} (+${place.length})`;
  if ('diagnostic' in place) return `${place.diagnostic}${place.fragment ? ` at ${place.fragment}` : ''}`;
  return [place.fragment, place.node, place.property].filter(Boolean).join(' ');
}
