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
  const fixedFrom = new Map<string, string[]>();
  for (const link of fixedLinks) {
    const targets = fixedFrom.get(link.from);
    if (targets) targets.push(link.to);
    else fixedFrom.set(link.from, [link.to]);
  }
  // Walked by index, not shift(): a root of thousands of children pointing at one fragment queues it thousands of times.
  const queue = state.roots.map((root) => root.fragment);
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next];
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
    for (const to of fixedFrom.get(id) ?? []) queue.push(to);
  }
  return order;
}
