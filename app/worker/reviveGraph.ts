import { type KhoGraph, type PreservedMemoryMapData, revivePreservedMemoryMap } from '../../core/kho';

/**
 * A graph as it arrives from the worker, with the maps' small classes
 * rebuilt: a structured clone keeps their fields (the ranges as `{ pairs }`)
 * but not their methods.
 */
export function reviveGraph(graph: KhoGraph): KhoGraph {
  const roots = graph.roots.map((root) => {
    if (!root.map) return root;
    // Typed as the class, but after a clone it is only its data.
    return { ...root, map: revivePreservedMemoryMap(root.map as PreservedMemoryMapData) };
  });
  return { ...graph, roots };
}
