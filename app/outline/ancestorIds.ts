import type { TreeShape } from './TreeShape';

/** Ids of the ancestors of `item`, top first (empty for a top-level item). */
export function ancestorIds(items: readonly TreeShape[], item: number): number[] {
  const chain: number[] = [];
  // Parents come before children, so this walk ends; the bound guards against a malformed parent array all the same.
  for (let at = items[item]?.parent ?? -1; at >= 0 && chain.length < items.length; at = items[at].parent)
    chain.push(at);
  return chain.reverse();
}
