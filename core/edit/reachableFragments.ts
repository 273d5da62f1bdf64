import type { EditState } from './EditState';
import { pointerSlots, slotTarget } from './pointerSlots';

/** A link the editor never rewrites (a raw struct's field, a LUO file's data): it keeps its target reachable. */
export interface FixedLink {
  from: string;
  to: string;
}

/**
 * The fragments the next kernel could reach, in breadth-first order from the
 * roots: through every pointer slot of an FDT fragment (as its tree is now)
 * and through the fixed links. Fragments an edit cut off are not in it.
 */
export function reachableFragments(state: EditState, fixedLinks: readonly FixedLink[] = []): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = state.roots.map((root) => root.fragment);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id) || !state.fragments[id]) continue;
    seen.add(id);
    order.push(id);
    const document = state.fragments[id].document;
    if (document) {
      for (const slot of pointerSlots(state, id, document)) {
        const target = slotTarget(state, slot);
        if (target) queue.push(target.fragment);
      }
    }
    for (const link of fixedLinks) if (link.from === id) queue.push(link.to);
  }
  return order;
}
