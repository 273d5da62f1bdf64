import type { KhoGraph } from '../../core/kho';
import { diagnosticPlace } from './diagnosticPlace';
import { graphIndexOf } from './GraphIndex';
import { selectionKey } from './selectionKey';

const placesOf = new WeakMap<KhoGraph, Map<string, number[]>>();

/** Indexes of the diagnostics about each place, by `selectionKey` of the place (see `diagnosticPlace`); built once per graph. */
export function diagnosticsByPlace(graph: KhoGraph): Map<string, number[]> {
  let places = placesOf.get(graph);
  if (places) return places;
  places = new Map();
  const index = graphIndexOf(graph);
  graph.diagnostics.forEach((diagnostic, i) => {
    const place = diagnosticPlace(index, diagnostic);
    if (!place) return;
    const key = selectionKey(place);
    const list = places!.get(key);
    if (list) list.push(i);
    else places!.set(key, [i]);
  });
  placesOf.set(graph, places);
  return places;
}
