import type { EditState } from '../EditState';
import { pointerSlots, slotTarget } from '../pointerSlots';
import { reachableFragments } from '../reachableFragments';
import { sameDocument } from '../sameTree';

/**
 * Why two states differ in what the next kernel would see (reachable
 * fragments, their trees, where each link leads), or null when they do
 * not. Fragments no longer reachable and the append-only bookkeeping
 * (registered pointers, the new-fragment counter) are not compared: undo
 * may leave those behind without changing the tree.
 */
export function editContentDifference(a: EditState, b: EditState): string | null {
  const reachA = reachableFragments(a);
  const reachB = reachableFragments(b);
  if (reachA.join() !== reachB.join()) return `reachable fragments differ: ${reachA.join()} vs ${reachB.join()}`;
  for (const id of reachA) {
    const docA = a.fragments[id].document;
    const docB = b.fragments[id].document;
    if ((docA === null) !== (docB === null)) return `fragment ${id} is an FDT in one state only`;
    if (!docA || !docB) continue;
    if (!sameDocument(docA, docB)) return `fragment ${id} has different trees`;
    const targets = (state: EditState, doc: typeof docA) =>
      pointerSlots(state, id, doc)
        .map((slot) => `${slot.node}->${slotTarget(state, slot)?.fragment}`)
        .join();
    if (targets(a, docA) !== targets(b, docB)) return `fragment ${id} links differently`;
  }
  return null;
}
