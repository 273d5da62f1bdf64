import type { KhoGraph, KhoRoot } from '../model/KhoGraph';

/**
 * The graph's incoming and outgoing roots when it has one of each (decoded):
 * comparing them shows what survived the hop. Null otherwise.
 */
export function incomingAndOutgoing(graph: KhoGraph): { incoming: KhoRoot; outgoing: KhoRoot } | null {
  const decoded = graph.roots.filter((root) => root.fragment !== null && root.address !== null);
  const incoming = decoded.filter((root) => root.role?.role === 'incoming');
  const outgoing = decoded.filter((root) => root.role?.role === 'outgoing');
  return incoming.length === 1 && outgoing.length === 1 ? { incoming: incoming[0], outgoing: outgoing[0] } : null;
}
