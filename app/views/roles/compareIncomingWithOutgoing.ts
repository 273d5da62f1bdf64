import { incomingAndOutgoing } from '../../../core/kho';
import { useDocumentStore } from '../../state/documentStore';
import { compareWithRoot } from '../compare/compareActions';

/**
 * Compares the incoming root (the tree this kernel received) with its own
 * outgoing one, which shows what survived the hop. Returns false when the
 * shown graph does not hold one of each.
 */
export function compareIncomingWithOutgoing(): boolean {
  const graph = useDocumentStore.getState().graph;
  const pair = graph && incomingAndOutgoing(graph);
  if (!pair || pair.outgoing.address === null) return false;
  compareWithRoot(pair.incoming, pair.outgoing.address);
  return true;
}

/** Why the comparison cannot run now, or null when it can. */
export function incomingComparisonUnavailable(): string | null {
  const graph = useDocumentStore.getState().graph;
  if (!graph) return 'Open an image first';
  return incomingAndOutgoing(graph) ? null : 'The image holds no incoming root next to an outgoing one';
}
